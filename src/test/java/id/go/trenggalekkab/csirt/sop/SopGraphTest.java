package id.go.trenggalekkab.csirt.sop;

import static id.go.trenggalekkab.csirt.sop.CaseStep.ANALYSIS;
import static id.go.trenggalekkab.csirt.sop.CaseStep.APH_HANDLING;
import static id.go.trenggalekkab.csirt.sop.CaseStep.AUTOMATIC;
import static id.go.trenggalekkab.csirt.sop.CaseStep.CATEGORISATION;
import static id.go.trenggalekkab.csirt.sop.CaseStep.CLOSED;
import static id.go.trenggalekkab.csirt.sop.CaseStep.CLOSING;
import static id.go.trenggalekkab.csirt.sop.CaseStep.DISMISSED;
import static id.go.trenggalekkab.csirt.sop.CaseStep.LOGBOOK_UPDATE;
import static id.go.trenggalekkab.csirt.sop.CaseStep.REPAIR;
import static id.go.trenggalekkab.csirt.sop.CaseStep.VERIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SOP graph against the SOP. The table below restates, from the SOP's text and the
 * README's command table, who may give each command and where it takes a case; the test
 * walks every role, every step and every command and compares what {@link SopGraph}
 * decides with what the table says. A second test reads the SOP's own table in
 * DOMAIN.md (actor and time standard of steps 4-12, and their order).
 */
class SopGraphTest {

    private static final Set<Role> STAFF = EnumSet.of(Role.OFFICER, Role.SUPERVISOR);
    private static final Set<Role> ACTING = EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.TTIS, Role.APH, Role.KADIS);
    private static final Set<CaseStep> FINISHED = EnumSet.of(CLOSED, CaseStep.NOT_AN_INCIDENT, DISMISSED);

    /** One row of the SOP as a command table: who may, and from which step it leads where (or acts in place). */
    private record Row(CommandWord word, Set<Role> roles, Map<CaseStep, List<CaseStep>> moves, Set<CaseStep> inPlace) {}

    private static Row moves(CommandWord word, Set<Role> roles, Object... fromThenPath) {
        Map<CaseStep, List<CaseStep>> moves = new EnumMap<>(CaseStep.class);
        for (int i = 0; i < fromThenPath.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<CaseStep> path = (List<CaseStep>) fromThenPath[i + 1];
            moves.put((CaseStep) fromThenPath[i], path);
        }
        return new Row(word, roles, moves, Set.of());
    }

    private static Row inPlace(CommandWord word, Set<Role> roles, Set<CaseStep> steps) {
        return new Row(word, roles, Map.of(), steps);
    }

    private static Set<Role> staffAnd(Role role) {
        Set<Role> roles = EnumSet.copyOf(STAFF);
        roles.add(role);
        return roles;
    }

    private static final List<Row> SOP = List.of(
            moves(CommandWord.VERIFY, STAFF, VERIFICATION, List.of(CATEGORISATION)),
            moves(CommandWord.NOT_AN_INCIDENT, STAFF, VERIFICATION, List.of(CaseStep.NOT_AN_INCIDENT)),
            inPlace(CommandWord.CATEGORY, STAFF, EnumSet.range(CATEGORISATION, CLOSING)),
            inPlace(CommandWord.PRIORITY, STAFF, EnumSet.range(CATEGORISATION, CLOSING)),
            moves(CommandWord.TO_APH, STAFF, ANALYSIS, List.of(APH_HANDLING)),
            moves(CommandWord.TO_TTIS, STAFF, ANALYSIS, List.of(REPAIR)),
            moves(CommandWord.APH_REPORT, staffAnd(Role.APH),
                    APH_HANDLING, List.of(CaseStep.APH_REPORT, REPAIR), CaseStep.APH_REPORT, List.of(REPAIR)),
            moves(CommandWord.REPAIRED, staffAnd(Role.TTIS), REPAIR, List.of(CaseStep.RESOLUTION_ANALYSIS)),
            moves(CommandWord.RESOLUTION_ANALYSIS, staffAnd(Role.TTIS),
                    CaseStep.RESOLUTION_ANALYSIS, List.of(LOGBOOK_UPDATE)),
            moves(CommandWord.LOGBOOK_UPDATED, staffAnd(Role.TTIS), LOGBOOK_UPDATE, List.of(CLOSING)),
            moves(CommandWord.CLOSE, STAFF, CLOSING, List.of(CLOSED)),
            moves(CommandWord.REOPEN, STAFF, CLOSED, List.of(VERIFICATION), CaseStep.NOT_AN_INCIDENT,
                    List.of(VERIFICATION), DISMISSED, List.of(VERIFICATION)),
            moves(CommandWord.PROMOTE, STAFF, AUTOMATIC, List.of(VERIFICATION)),
            moves(CommandWord.DISMISS, STAFF, AUTOMATIC, List.of(DISMISSED)),
            inPlace(CommandWord.ASSIGN, STAFF, EnumSet.complementOf(EnumSet.copyOf(FINISHED))),
            inPlace(CommandWord.TLP, STAFF, EnumSet.complementOf(EnumSet.copyOf(FINISHED))),
            inPlace(CommandWord.SEND_CASE_FILE, STAFF, EnumSet.range(APH_HANDLING, CLOSING)),
            inPlace(CommandWord.NOTE, EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.TTIS, Role.APH),
                    EnumSet.allOf(CaseStep.class)),
            inPlace(CommandWord.REPLY, STAFF, EnumSet.complementOf(EnumSet.of(AUTOMATIC, DISMISSED, CaseStep.MERGED))),
            inPlace(CommandWord.ASK, STAFF, EnumSet.range(VERIFICATION, CLOSING)),
            inPlace(CommandWord.INDICATOR, STAFF, EnumSet.allOf(CaseStep.class)),
            inPlace(CommandWord.SHARE, STAFF, EnumSet.range(CATEGORISATION, CLOSED)),
            moves(CommandWord.MERGE, STAFF, VERIFICATION, List.of(CaseStep.MERGED), CATEGORISATION, List.of(CaseStep.MERGED),
                    ANALYSIS, List.of(CaseStep.MERGED), APH_HANDLING, List.of(CaseStep.MERGED),
                    CaseStep.APH_REPORT, List.of(CaseStep.MERGED), REPAIR, List.of(CaseStep.MERGED),
                    CaseStep.RESOLUTION_ANALYSIS, List.of(CaseStep.MERGED), LOGBOOK_UPDATE, List.of(CaseStep.MERGED),
                    CLOSING, List.of(CaseStep.MERGED)),
            moves(CommandWord.SPLIT, STAFF, CaseStep.MERGED, List.of(VERIFICATION)),
            // the report upward (BSSN regulation 1/2024): a verified incident's, open or closed
            inPlace(CommandWord.DRAFT_UPWARD, STAFF, EnumSet.range(CATEGORISATION, CLOSED)),
            inPlace(CommandWord.REPORT_UPWARD, STAFF, EnumSet.range(CATEGORISATION, CLOSED)),
            // everyone who acts on cases; the CSIRTs upward only receive the report, they ask nothing
            inPlace(CommandWord.STATUS, ACTING, EnumSet.allOf(CaseStep.class)),
            inPlace(CommandWord.HELP, ACTING, EnumSet.allOf(CaseStep.class)));

    /** Each role alone, and nobody (the reporter, a stranger: no role in the directory). */
    private static List<Set<Role>> everyone() {
        List<Set<Role>> all = new ArrayList<>();
        for (Role role : Role.values()) {
            all.add(EnumSet.of(role));
        }
        all.add(EnumSet.noneOf(Role.class));
        return all;
    }

    @Test
    void everyRoleStepAndCommandIsDecidedAsTheSopSays() {
        assertThat(SOP).extracting(Row::word).containsExactlyInAnyOrder(CommandWord.values());
        int walked = 0;
        for (Row row : SOP) {
            for (Set<Role> roles : everyone()) {
                for (CaseStep step : CaseStep.values()) {
                    SopGraph.Decision decision = SopGraph.decide(roles, step, row.word());
                    String where = row.word() + " by " + roles + " in " + step;
                    if (roles.stream().noneMatch(row.roles()::contains)) {
                        assertThat(decision).as(where).isInstanceOf(SopGraph.NotPermitted.class);
                    } else if (row.moves().containsKey(step)) {
                        assertThat(decision).as(where).isInstanceOf(SopGraph.Moves.class);
                        assertThat(((SopGraph.Moves) decision).transition().path()).as(where)
                                .isEqualTo(row.moves().get(step));
                    } else if (row.inPlace().contains(step)) {
                        assertThat(decision).as(where).isInstanceOf(SopGraph.ActsInPlace.class);
                    } else {
                        assertThat(decision).as(where).isInstanceOf(SopGraph.NotInThisStep.class);
                    }
                    walked++;
                }
            }
        }
        assertThat(walked).isEqualTo(CommandWord.values().length * CaseStep.values().length * (Role.values().length + 1));
    }

    @Test
    void theTwoMovesNoCommandMakesAreTheSops() {
        // step 5 ends once category and priority are both set; step 7 with APH's first answer
        assertThat(SopGraph.transition(CATEGORISATION, SopEvent.CATEGORISED)).hasValueSatisfying(t -> {
            assertThat(t.path()).containsExactly(ANALYSIS);
            assertThat(t.roles()).isEqualTo(STAFF);
        });
        assertThat(SopGraph.transition(APH_HANDLING, SopEvent.APH_CONFIRMATION)).hasValueSatisfying(t -> {
            assertThat(t.path()).containsExactly(CaseStep.APH_REPORT);
            assertThat(t.roles()).containsExactly(Role.APH);
        });
        for (CaseStep step : CaseStep.values()) {
            if (step != CATEGORISATION) {
                assertThat(SopGraph.transition(step, SopEvent.CATEGORISED)).as(step.name()).isEmpty();
            }
            if (step != APH_HANDLING) {
                assertThat(SopGraph.transition(step, SopEvent.APH_CONFIRMATION)).as(step.name()).isEmpty();
            }
        }
    }

    @Test
    void caseFilesGoToWhoeverTheSopHandsTheCaseTo() {
        assertThat(SopGraph.handedTo(SopGraph.transition(ANALYSIS, CommandWord.TO_APH).orElseThrow())).contains(Role.APH);
        assertThat(SopGraph.handedTo(SopGraph.transition(ANALYSIS, CommandWord.TO_TTIS).orElseThrow())).contains(Role.TTIS);
        assertThat(SopGraph.handedTo(SopGraph.transition(CaseStep.APH_REPORT, CommandWord.APH_REPORT).orElseThrow()))
                .contains(Role.TTIS);
        assertThat(SopGraph.handedTo(SopGraph.transition(APH_HANDLING, SopEvent.APH_CONFIRMATION).orElseThrow())).isEmpty();
        assertThat(SopGraph.handedTo(SopGraph.transition(REPAIR, CommandWord.REPAIRED).orElseThrow())).isEmpty();
        assertThat(SopGraph.handedTo(SopGraph.transition(VERIFICATION, CommandWord.VERIFY).orElseThrow())).isEmpty();
    }

    @Test
    void whatCompletesAStepIsDerivedFromTheGraph() {
        assertThat(SopGraph.completedBy(VERIFICATION)).isEqualTo("#verifikasi atau #bukan-insiden");
        assertThat(SopGraph.completedBy(CATEGORISATION)).isEqualTo("#kategori dan #prioritas");
        assertThat(SopGraph.completedBy(APH_HANDLING)).contains("konfirmasi dari APH").contains("#laporan-aph");
        assertThat(SopGraph.completedBy(CLOSING)).isEqualTo("#selesai");
        assertThat(SopGraph.nextSteps(VERIFICATION)).containsExactly(CATEGORISATION, CaseStep.NOT_AN_INCIDENT);
        assertThat(SopGraph.nextSteps(ANALYSIS)).containsExactly(APH_HANDLING, REPAIR);
    }

    /** DOMAIN.md's table: "| 4 | verify ... | O | channel, logbook | 20 min | incident report |". */
    private static final Pattern SOP_ROW = Pattern.compile(
            "^\\|\\s*(\\d{1,2})\\s*\\|[^|]*\\|\\s*([ROTA])\\s*\\|[^|]*\\|\\s*(\\d+)\\s*(min|day|days)\\s*\\|", Pattern.MULTILINE);

    @Test
    void stepsFourToTwelveHaveTheActorsTimeStandardsAndOrderOfTheSopsOwnTable() throws IOException {
        Path domain = Path.of(System.getProperty("csirt.domain.file", "../shared/DOMAIN.md"));
        assumeTrue(Files.isReadable(domain), "DOMAIN.md not found at " + domain.toAbsolutePath()
                + "; the SOP table cross-check is skipped (set -Dcsirt.domain.file=...)");
        Matcher row = SOP_ROW.matcher(Files.readString(domain));
        Set<Integer> seen = new HashSet<>();
        while (row.find()) {
            int number = Integer.parseInt(row.group(1));
            Duration time = row.group(4).startsWith("day")
                    ? Duration.ofDays(Long.parseLong(row.group(3))) : Duration.ofMinutes(Long.parseLong(row.group(3)));
            if (number < 4) {
                continue;
            }
            CaseStep step = stepNumbered(number);
            Role actor = switch (row.group(2)) {
                case "O" -> Role.OFFICER;
                case "T" -> Role.TTIS;
                case "A" -> Role.APH;
                default -> throw new AssertionError("step " + number + " is the reporter's in DOMAIN.md");
            };
            assertThat(step.actor()).as("actor of step " + number).isEqualTo(actor);
            assertThat(step.timeStandard()).as("time standard of step " + number).isEqualTo(time);
            assertThat(SopGraph.transitions()).as("the SOP's actor can complete step " + number)
                    .anyMatch(t -> t.from() == step && t.roles().contains(actor));
            seen.add(number);
        }
        assertThat(seen).containsExactlyInAnyOrder(4, 5, 6, 7, 8, 9, 10, 11, 12);

        // the SOP's order: 6 leads to APH (7) or to TTIS (9), and APH's report (8) to TTIS
        Set<String> expected = Set.of("4>5", "5>6", "6>7", "6>9", "7>8", "8>9", "9>10", "10>11", "11>12");
        Set<String> edges = new HashSet<>();
        for (CaseStep from : CaseStep.values()) {
            for (CaseStep to : CaseStep.values()) {
                if (from.sopStep() > 0 && to.sopStep() > 0 && SopGraph.leadsTo(from, to)) {
                    edges.add(from.sopStep() + ">" + to.sopStep());
                }
            }
        }
        assertThat(edges).isEqualTo(expected);
        assertThat(SopGraph.leadsTo(VERIFICATION, CaseStep.NOT_AN_INCIDENT)).isTrue();
        assertThat(SopGraph.leadsTo(CLOSING, CLOSED)).isTrue();
    }

    private static CaseStep stepNumbered(int number) {
        for (CaseStep step : CaseStep.values()) {
            if (step.sopStep() == number) {
                return step;
            }
        }
        throw new AssertionError("no CaseStep for SOP step " + number);
    }
}
