package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.directory.Role;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one mail's commands to a case, in order, and stops at the first refusal: who
 * may (fail closed), whether the step allows it, whether its argument is right, then
 * what it does. Every applied command is a logbook entry; every move is a step-history row.
 */
@Service
public class CaseWorkflow {

    private static final Map<String, String> PRIORITIES = Map.of(
            "tinggi", "HIGH", "high", "HIGH", "sedang", "MEDIUM", "medium", "MEDIUM", "rendah", "LOW", "low", "LOW");
    private static final Set<String> TLP_LABELS = Set.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED");

    private final CaseRepository cases;
    private final Directory directory;
    private final CaseNotifications notifications;
    private final Logbook logbook;
    private final Clock clock;

    public CaseWorkflow(CaseRepository cases, Directory directory, CaseNotifications notifications, Logbook logbook,
                        Clock clock) {
        this.cases = cases;
        this.directory = directory;
        this.notifications = notifications;
        this.logbook = logbook;
        this.clock = clock;
    }

    /** Result of one mail: each command's outcome, in order, and those not attempted after a refusal. */
    public record Execution(List<CommandOutcome> outcomes, List<Command> notAttempted, CaseState after) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public Execution execute(long ticketId, Person actor, List<Command> commands, String note) {
        List<CommandOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            CaseState state = cases.lock(ticketId);
            CommandOutcome outcome = apply(state, actor, commands.get(i), note);
            outcomes.add(outcome);
            logbook.record(ticketId, actor.address(), outcome.applied() ? "COMMAND_APPLIED" : "COMMAND_REFUSED",
                    commands.get(i) + ": " + outcome.text());
            if (!outcome.applied()) {
                return new Execution(outcomes, commands.subList(i + 1, commands.size()), cases.lock(ticketId));
            }
        }
        return new Execution(outcomes, List.of(), cases.lock(ticketId));
    }

    private CommandOutcome apply(CaseState state, Person actor, Command command, String note) {
        if (!command.isKnown()) {
            return CommandOutcome.refused(command, "perintah tidak dikenal; kirim #bantuan untuk daftar perintah");
        }
        CommandRules.Rule rule = CommandRules.of(command.word());
        if (actor.roles().stream().noneMatch(rule.roles()::contains)) {
            return CommandOutcome.refused(command, "Anda (" + roles(actor) + ") tidak berwenang memberi perintah ini");
        }
        if (!rule.allowedIn().contains(state.step())) {
            return CommandOutcome.refused(command, "tidak dapat dilakukan pada " + state.step().describe());
        }
        if (command.word().takesArgument() && command.argument() == null) {
            return CommandOutcome.refused(command, "perlu argumen, misalnya " + example(command.word()));
        }
        return switch (command.word()) {
            case CATEGORY -> categorise(state, actor, command, note);
            case PRIORITY -> prioritise(state, actor, command, note);
            case TLP -> label(state, command);
            case ASSIGN -> assign(state, command);
            case NOTE -> note.isBlank()
                    ? CommandOutcome.refused(command, "catatan kosong: tulis catatannya di isi email")
                    : CommandOutcome.applied(command, "catatan disimpan di logbook: " + note);
            case STATUS -> CommandOutcome.applied(command, "status dikirim");
            case HELP -> CommandOutcome.applied(command, "daftar perintah dikirim");
            default -> move(state, actor, command, rule.moves().get(state.step()), note);
        };
    }

    private CommandOutcome move(CaseState state, Person actor, Command command, CaseStep target, String note) {
        if (command.word() == CommandWord.NOT_AN_INCIDENT && note.isBlank()) {
            return CommandOutcome.refused(command, "tulis alasan bukan insiden di isi email; alasan itu dikirim ke pelapor");
        }
        if ((command.word() == CommandWord.TO_APH && directory.withRole(Role.APH).isEmpty())
                || (command.word() == CommandWord.TO_TTIS && directory.withRole(Role.TTIS).isEmpty())) {
            return CommandOutcome.refused(command, "direktori tidak memuat kontak " + command.word().indonesian().substring(1).toUpperCase(Locale.ROOT));
        }
        if (command.word() == CommandWord.APH_REPORT && state.step() == CaseStep.APH_HANDLING) {
            enter(state, CaseStep.APH_REPORT, actor, note);
        }
        enter(state, target, actor, note);
        CaseState after = cases.lock(state.ticketId());
        notifications.afterMove(after, command.word(), actor, note);
        return CommandOutcome.applied(command, "kasus kini pada " + target.describe());
    }

    private void enter(CaseState state, CaseStep step, Person actor, String note) {
        cases.enter(state.ticketId(), step, clock.instant(), actor.address(), note.isBlank() ? null : note);
    }

    private CommandOutcome categorise(CaseState state, Person actor, Command command, String note) {
        Optional<String[]> category = Taxonomy.read(command.argument());
        if (category.isEmpty()) {
            return CommandOutcome.refused(command, "kategori tidak dikenal: " + command.argument() + "; gunakan salah satu dari "
                    + String.join(", ", Taxonomy.CLASSES) + ", atau jenis lokal " + String.join(", ", Taxonomy.LOCAL_TYPES.keySet()));
        }
        cases.setCategory(state.ticketId(), category.get()[0], category.get()[1]);
        String text = "kategori " + category.get()[0] + (category.get()[1] == null ? "" : "/" + category.get()[1]);
        return CommandOutcome.applied(command, text + completeCategorisation(state.ticketId(), actor, note));
    }

    private CommandOutcome prioritise(CaseState state, Person actor, Command command, String note) {
        String priority = PRIORITIES.get(command.argument().toLowerCase(Locale.ROOT));
        if (priority == null) {
            return CommandOutcome.refused(command, "prioritas harus tinggi, sedang atau rendah");
        }
        cases.setPriority(state.ticketId(), priority);
        return CommandOutcome.applied(command, "prioritas " + command.argument().toLowerCase(Locale.ROOT)
                + completeCategorisation(state.ticketId(), actor, note));
    }

    /** Step 5's output is a report with category and priority: once both are set, step 6 begins. */
    private String completeCategorisation(long ticketId, Person actor, String note) {
        CaseState now = cases.lock(ticketId);
        if (now.step() == CaseStep.CATEGORISATION && now.isCategorised()) {
            enter(now, CaseStep.ANALYSIS, actor, note);
            return "; kategorisasi lengkap, kasus kini pada " + CaseStep.ANALYSIS.describe();
        }
        return "";
    }

    private CommandOutcome label(CaseState state, Command command) {
        String label = command.argument().toUpperCase(Locale.ROOT).replaceFirst("^TLP:", "");
        if (!TLP_LABELS.contains(label)) {
            return CommandOutcome.refused(command, "label TLP harus CLEAR, GREEN, AMBER, AMBER+STRICT atau RED");
        }
        cases.setTlp(state.ticketId(), label);
        return CommandOutcome.applied(command, "label TLP:" + label);
    }

    private CommandOutcome assign(CaseState state, Command command) {
        Optional<Person> assignee = directory.find(command.argument());
        if (assignee.isEmpty() || !assignee.get().isDeskStaff()) {
            return CommandOutcome.refused(command, command.argument() + " bukan petugas dalam direktori");
        }
        cases.setAssignee(state.ticketId(), assignee.get().address());
        return CommandOutcome.applied(command, "ditugaskan kepada " + assignee.get().name() + " <" + assignee.get().address() + ">");
    }

    private static String roles(Person person) {
        return person.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    private static String example(CommandWord word) {
        return switch (word) {
            case CATEGORY -> "#kategori intrusions";
            case PRIORITY -> "#prioritas tinggi";
            case ASSIGN -> "#tugaskan petugas@trenggalekkab.go.id";
            case TLP -> "#tlp amber";
            default -> word.indonesian();
        };
    }
}
