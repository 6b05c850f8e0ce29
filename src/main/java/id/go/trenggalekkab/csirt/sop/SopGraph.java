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
import static id.go.trenggalekkab.csirt.sop.CommandWord.ASK;
import static id.go.trenggalekkab.csirt.sop.CommandWord.ASSIGN;
import static id.go.trenggalekkab.csirt.sop.CommandWord.CATEGORY;
import static id.go.trenggalekkab.csirt.sop.CommandWord.CLOSE;
import static id.go.trenggalekkab.csirt.sop.CommandWord.DRAFT_UPWARD;
import static id.go.trenggalekkab.csirt.sop.CommandWord.DISMISS;
import static id.go.trenggalekkab.csirt.sop.CommandWord.HELP;
import static id.go.trenggalekkab.csirt.sop.CommandWord.LOGBOOK_UPDATED;
import static id.go.trenggalekkab.csirt.sop.CommandWord.MERGE;
import static id.go.trenggalekkab.csirt.sop.CommandWord.INDICATOR;
import static id.go.trenggalekkab.csirt.sop.CommandWord.NOTE;
import static id.go.trenggalekkab.csirt.sop.CommandWord.SHARE;
import static id.go.trenggalekkab.csirt.sop.CommandWord.PRIORITY;
import static id.go.trenggalekkab.csirt.sop.CommandWord.PROMOTE;
import static id.go.trenggalekkab.csirt.sop.CommandWord.REOPEN;
import static id.go.trenggalekkab.csirt.sop.CommandWord.REPAIRED;
import static id.go.trenggalekkab.csirt.sop.CommandWord.REPLY;
import static id.go.trenggalekkab.csirt.sop.CommandWord.REPORT_UPWARD;
import static id.go.trenggalekkab.csirt.sop.CommandWord.SEND_CASE_FILE;
import static id.go.trenggalekkab.csirt.sop.CommandWord.SPLIT;
import static id.go.trenggalekkab.csirt.sop.CommandWord.STATUS;
import static id.go.trenggalekkab.csirt.sop.CommandWord.TLP;
import static id.go.trenggalekkab.csirt.sop.CommandWord.TO_APH;
import static id.go.trenggalekkab.csirt.sop.CommandWord.TO_TTIS;
import static id.go.trenggalekkab.csirt.sop.CommandWord.VERIFY;
import static id.go.trenggalekkab.csirt.sop.Role.APH;
import static id.go.trenggalekkab.csirt.sop.Role.OFFICER;
import static id.go.trenggalekkab.csirt.sop.Role.SUPERVISOR;
import static id.go.trenggalekkab.csirt.sop.Role.TTIS;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SOP as one declaration: in which step which command (or event), given by whom, moves
 * a case along which edge; and which commands act on a case in place, in which steps.
 * Everything else is derived from it: what completes a step, where a step leads, whether a
 * command is allowed, and, where a step is entered, whether that move exists at all.
 *
 * <p>The table in the README ("Officers' commands") and {@code SopGraphTest} state the same
 * graph from the SOP's text (DOMAIN.md); the test walks every role, step and command.
 */
public final class SopGraph {

    private static final Set<Role> STAFF = EnumSet.of(OFFICER, SUPERVISOR);
    private static final Set<Role> STAFF_AND_TTIS = EnumSet.of(OFFICER, SUPERVISOR, TTIS);
    private static final Set<Role> STAFF_AND_APH = EnumSet.of(OFFICER, SUPERVISOR, APH);
    private static final Set<Role> HANDLERS = EnumSet.of(OFFICER, SUPERVISOR, TTIS, APH);
    /** Everyone who acts on cases: the CSIRTs upward only receive the report. */
    private static final Set<Role> EVERYONE = EnumSet.copyOf(Stream.of(Role.values()).filter(Role::actsOnCases).toList());
    private static final Set<CaseStep> AFTER_VERIFICATION = EnumSet.range(CATEGORISATION, CLOSING);
    private static final Set<CaseStep> NOT_FINISHED = EnumSet.complementOf(EnumSet.of(CLOSED, CaseStep.NOT_AN_INCIDENT,
            DISMISSED));
    private static final Set<CaseStep> ANY_STEP = EnumSet.allOf(CaseStep.class);
    private static final Set<CaseStep> HANDED_OVER = EnumSet.range(APH_HANDLING, CLOSING);
    /** A verified incident, open or closed: what the team may share. */
    private static final Set<CaseStep> AN_INCIDENT = EnumSet.range(CATEGORISATION, CLOSED);
    /** A person reported it: automatic mail has nobody to talk to. */
    private static final Set<CaseStep> REPORTED = EnumSet.complementOf(EnumSet.of(AUTOMATIC, DISMISSED, CaseStep.MERGED));
    private static final Set<CaseStep> REPORTED_AND_OPEN = EnumSet.range(VERIFICATION, CLOSING);
    private static final List<CaseStep> REPORTED_AND_OPEN_STEPS = List.copyOf(REPORTED_AND_OPEN);

    /** Where a report's case starts; automatic mail waits in {@link CaseStep#AUTOMATIC}, with no clock. */
    public static final CaseStep REPORT_ENTRY = VERIFICATION;

    private static final List<Transition> TRANSITIONS = Stream.concat(Stream.of(
            // step 4: verify
            edge(VERIFICATION, VERIFY, STAFF, CATEGORISATION),
            edge(VERIFICATION, CommandWord.NOT_AN_INCIDENT, STAFF, CaseStep.NOT_AN_INCIDENT),
            // step 5: categorise (#kategori and #prioritas both given)
            edge(CATEGORISATION, SopEvent.CATEGORISED, STAFF, ANALYSIS),
            // step 6: analyse; to law enforcement, or to TTIS
            edge(ANALYSIS, TO_APH, STAFF, APH_HANDLING),
            edge(ANALYSIS, TO_TTIS, STAFF, REPAIR),
            // steps 7-8: APH confirm, then report; a report written in step 7 completes both
            edge(APH_HANDLING, SopEvent.APH_CONFIRMATION, EnumSet.of(APH), CaseStep.APH_REPORT),
            edge(APH_HANDLING, CommandWord.APH_REPORT, STAFF_AND_APH, CaseStep.APH_REPORT, REPAIR),
            edge(CaseStep.APH_REPORT, CommandWord.APH_REPORT, STAFF_AND_APH, REPAIR),
            // steps 9-11: TTIS repair, analyse the resolution, update the logbook
            edge(REPAIR, REPAIRED, STAFF_AND_TTIS, CaseStep.RESOLUTION_ANALYSIS),
            edge(CaseStep.RESOLUTION_ANALYSIS, CommandWord.RESOLUTION_ANALYSIS, STAFF_AND_TTIS, LOGBOOK_UPDATE),
            edge(LOGBOOK_UPDATE, LOGBOOK_UPDATED, STAFF_AND_TTIS, CLOSING),
            // step 12: declared finished
            edge(CLOSING, CLOSE, STAFF, CLOSED),
            // the desk's own: a finished case reopened, automatic mail promoted or dismissed
            edge(CLOSED, REOPEN, STAFF, VERIFICATION),
            edge(CaseStep.NOT_AN_INCIDENT, REOPEN, STAFF, VERIFICATION),
            edge(DISMISSED, REOPEN, STAFF, VERIFICATION),
            edge(AUTOMATIC, PROMOTE, STAFF, VERIFICATION),
            edge(AUTOMATIC, DISMISS, STAFF, DISMISSED),
            // another report of the same incident follows its main case; split off, it is a case of its own again
            edge(CaseStep.MERGED, SPLIT, STAFF, VERIFICATION)),
            // a report in any step of the SOP may turn out to be another report of a case already handled
            REPORTED_AND_OPEN_STEPS.stream().map(step -> edge(step, MERGE, STAFF, CaseStep.MERGED))).toList();

    private static final List<InPlace> IN_PLACE = List.of(
            new InPlace(CATEGORY, STAFF, AFTER_VERIFICATION),
            new InPlace(PRIORITY, STAFF, AFTER_VERIFICATION),
            new InPlace(TLP, STAFF, NOT_FINISHED),
            new InPlace(ASSIGN, STAFF, NOT_FINISHED),
            // a case file to one named TTIS or APH contact: how a TLP:RED case reaches anyone
            new InPlace(SEND_CASE_FILE, STAFF, HANDED_OVER),
            new InPlace(NOTE, HANDLERS, ANY_STEP),
            // officers keep the case's indicators right: what the desk missed, what it took wrongly
            new InPlace(INDICATOR, STAFF, ANY_STEP),
            new InPlace(SHARE, STAFF, AN_INCIDENT),
            // the report upward is a verified incident's; the officer reviews the draft, then sends it
            new InPlace(DRAFT_UPWARD, STAFF, AN_INCIDENT),
            new InPlace(REPORT_UPWARD, STAFF, AN_INCIDENT),
            // the desk writes to the reporter only on these words; a question makes the case wait for the answer
            new InPlace(REPLY, STAFF, REPORTED),
            new InPlace(ASK, STAFF, REPORTED_AND_OPEN),
            new InPlace(STATUS, EVERYONE, ANY_STEP),
            new InPlace(HELP, EVERYONE, ANY_STEP));

    private SopGraph() {}

    /** A command that changes the case where it stands (category, priority, TLP, assignee) or only answers. */
    public record InPlace(CommandWord word, Set<Role> roles, Set<CaseStep> steps) {}

    /** What the SOP says of one command, given by someone with these roles, in this step. */
    public sealed interface Decision {}

    /** The command moves the case along this edge. */
    public record Moves(Transition transition) implements Decision {}

    /** The command acts on the case where it stands. */
    public record ActsInPlace(InPlace rule) implements Decision {}

    /** Nobody with these roles may give this command, in any step. */
    public record NotPermitted(Set<Role> allowed) implements Decision {}

    /** The command exists for these roles, but not in this step. */
    public record NotInThisStep() implements Decision {}

    public static Decision decide(Set<Role> roles, CaseStep step, CommandWord word) {
        Set<Role> allowed = rolesFor(word);
        if (roles.stream().noneMatch(allowed::contains)) {
            return new NotPermitted(allowed);
        }
        Optional<Transition> edge = transition(step, word);
        if (edge.isPresent()) {
            return edge.get().permits(roles) ? new Moves(edge.get()) : new NotPermitted(edge.get().roles());
        }
        for (InPlace rule : IN_PLACE) {
            if (rule.word() == word && rule.steps().contains(step)) {
                return roles.stream().anyMatch(rule.roles()::contains) ? new ActsInPlace(rule) : new NotPermitted(rule.roles());
            }
        }
        return new NotInThisStep();
    }

    /** The edge this trigger moves along from this step, if the SOP has one. */
    public static Optional<Transition> transition(CaseStep from, Trigger trigger) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && t.trigger() == trigger).findFirst();
    }

    /** Whether the SOP has an edge from one step directly to the other: checked wherever a step is entered. */
    public static boolean leadsTo(CaseStep from, CaseStep to) {
        for (Transition t : TRANSITIONS) {
            CaseStep previous = t.from();
            for (CaseStep next : t.path()) {
                if (previous == from && next == to) {
                    return true;
                }
                previous = next;
            }
        }
        return false;
    }

    /** The steps this one leads to directly, in the SOP's order (a merge is a way out, not the way on). */
    public static List<CaseStep> nextSteps(CaseStep from) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && !isMerge(t)).map(t -> t.path().get(0)).distinct()
                .sorted().toList();
    }

    /** What completes this step, for reminders and replies: "#verifikasi atau #bukan-insiden". */
    public static String completedBy(CaseStep step) {
        String triggers = TRANSITIONS.stream().filter(t -> t.from() == step && !isMerge(t)).map(t -> t.trigger().forPeople())
                .distinct()
                .collect(Collectors.joining(" atau "));
        return triggers.isEmpty() ? "-" : triggers;
    }

    /**
     * The team outside the desk a move hands the case to, with its case file: whoever acts
     * in the step entered (APH in step 7, TTIS in step 9), where they did not act before.
     */
    public static Optional<Role> handedTo(Transition transition) {
        Role before = transition.from().actor();
        Role after = transition.to().actor();
        return after != before && (after == APH || after == TTIS) ? Optional.of(after) : Optional.empty();
    }

    /** Everyone who may give this command in some step. */
    public static Set<Role> rolesFor(CommandWord word) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        TRANSITIONS.stream().filter(t -> t.trigger() == word).forEach(t -> roles.addAll(t.roles()));
        IN_PLACE.stream().filter(r -> r.word() == word).forEach(r -> roles.addAll(r.roles()));
        return roles;
    }

    public static List<Transition> transitions() {
        return TRANSITIONS;
    }

    public static List<InPlace> inPlaceCommands() {
        return IN_PLACE;
    }

    private static boolean isMerge(Transition t) {
        return t.to() == CaseStep.MERGED;
    }

    private static Transition edge(CaseStep from, Trigger trigger, Set<Role> roles, CaseStep... path) {
        return new Transition(from, trigger, roles, List.of(path));
    }
}
