package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.workflow.CaseStep.*;

import id.go.trenggalekkab.csirt.directory.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may give which command, and in which step it moves the case where: the SOP as a
 * table. Commands without moves change the case in place (category, priority, TLP,
 * assignee) or only answer (note, status, help); {@link #allowedIn} says where.
 */
final class CommandRules {

    private static final Set<Role> STAFF = EnumSet.of(Role.OFFICER, Role.SUPERVISOR);
    private static final Set<Role> STAFF_AND_TTIS = EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.TTIS);
    private static final Set<Role> STAFF_AND_APH = EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.APH);
    private static final Set<Role> HANDLERS = EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.TTIS, Role.APH);
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<CaseStep> AFTER_VERIFICATION = EnumSet.range(CATEGORISATION, CLOSING);
    private static final Set<CaseStep> NOT_FINISHED = EnumSet.complementOf(EnumSet.of(CLOSED, NOT_AN_INCIDENT, DISMISSED));

    record Rule(Set<Role> roles, Map<CaseStep, CaseStep> moves, Set<CaseStep> allowedIn) {}

    private static final Map<CommandWord, Rule> RULES = new EnumMap<>(CommandWord.class);

    static {
        move(CommandWord.VERIFY, STAFF, Map.of(VERIFICATION, CATEGORISATION));
        move(CommandWord.NOT_AN_INCIDENT, STAFF, Map.of(VERIFICATION, CaseStep.NOT_AN_INCIDENT));
        move(CommandWord.TO_APH, STAFF, Map.of(ANALYSIS, APH_HANDLING));
        move(CommandWord.TO_TTIS, STAFF, Map.of(ANALYSIS, REPAIR));
        // APH's report completes step 8; written while still in step 7 it completes both
        move(CommandWord.APH_REPORT, STAFF_AND_APH, Map.of(APH_HANDLING, REPAIR, CaseStep.APH_REPORT, REPAIR));
        move(CommandWord.REPAIRED, STAFF_AND_TTIS, Map.of(REPAIR, CaseStep.RESOLUTION_ANALYSIS));
        move(CommandWord.RESOLUTION_ANALYSIS, STAFF_AND_TTIS, Map.of(CaseStep.RESOLUTION_ANALYSIS, LOGBOOK_UPDATE));
        move(CommandWord.LOGBOOK_UPDATED, STAFF_AND_TTIS, Map.of(LOGBOOK_UPDATE, CLOSING));
        move(CommandWord.CLOSE, STAFF, Map.of(CLOSING, CLOSED));
        move(CommandWord.REOPEN, STAFF, Map.of(CLOSED, VERIFICATION, CaseStep.NOT_AN_INCIDENT, VERIFICATION,
                DISMISSED, VERIFICATION));
        move(CommandWord.PROMOTE, STAFF, Map.of(AUTOMATIC, VERIFICATION));
        move(CommandWord.DISMISS, STAFF, Map.of(AUTOMATIC, DISMISSED));
        RULES.put(CommandWord.CATEGORY, new Rule(STAFF, Map.of(), AFTER_VERIFICATION));
        RULES.put(CommandWord.PRIORITY, new Rule(STAFF, Map.of(), AFTER_VERIFICATION));
        RULES.put(CommandWord.TLP, new Rule(STAFF, Map.of(), NOT_FINISHED));
        RULES.put(CommandWord.ASSIGN, new Rule(STAFF, Map.of(), NOT_FINISHED));
        RULES.put(CommandWord.NOTE, new Rule(HANDLERS, Map.of(), EnumSet.allOf(CaseStep.class)));
        RULES.put(CommandWord.STATUS, new Rule(EVERYONE, Map.of(), EnumSet.allOf(CaseStep.class)));
        RULES.put(CommandWord.HELP, new Rule(EVERYONE, Map.of(), EnumSet.allOf(CaseStep.class)));
    }

    private CommandRules() {}

    private static void move(CommandWord word, Set<Role> roles, Map<CaseStep, CaseStep> moves) {
        RULES.put(word, new Rule(roles, moves, moves.keySet()));
    }

    static Rule of(CommandWord word) {
        return RULES.get(word);
    }
}
