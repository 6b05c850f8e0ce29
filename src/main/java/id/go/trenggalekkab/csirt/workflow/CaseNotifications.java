package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.directory.Role;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.outbound.MailDraft;
import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import id.go.trenggalekkab.csirt.outbound.Outbox;
import id.go.trenggalekkab.csirt.report.FinalReport;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.MessageRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The mail a case's movements cause, all through the outbox in the case's transaction:
 * the reporter told of verification, of "not an incident" (with the reason) and of
 * closing; the case file to TTIS or APH with the evidence; the answer to each command
 * mail; alerts to the officers. Everything leaving the desk carries the case's TLP label.
 */
@Component
public class CaseNotifications {

    /** A hand-over mail carries the evidence bytes up to this size; beyond it, their hashes only. */
    static final long MAX_EVIDENCE_BYTES = 20L * 1024 * 1024;

    private final Outbox outbox;
    private final MailTemplates templates;
    private final MessageRepository messages;
    private final CaseRepository cases;
    private final Directory directory;
    private final Logbook logbook;
    private final CsirtProperties properties;
    private final FinalReport finalReport;

    public CaseNotifications(Outbox outbox, MailTemplates templates, MessageRepository messages, CaseRepository cases,
                             Directory directory, Logbook logbook, CsirtProperties properties, FinalReport finalReport) {
        this.finalReport = finalReport;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.cases = cases;
        this.directory = directory;
        this.logbook = logbook;
        this.properties = properties;
    }

    void afterMove(CaseState state, CommandWord word, Person actor, String note) {
        switch (word) {
            case VERIFY -> toReporter(state, "Laporan diverifikasi", Map.of("verified", true));
            case NOT_AN_INCIDENT -> toReporter(state, "Laporan bukan insiden", Map.of("notIncident", true, "reason", note));
            case CLOSE -> {
                toReporter(state, "Laporan selesai ditangani", Map.of("closed", true));
                finalReport(state);
            }
            case TO_APH -> handOver(state, Role.APH, note);
            case TO_TTIS, APH_REPORT -> handOver(state, Role.TTIS, note);
            default -> { }
        }
    }

    /** The answer to a command mail: each command applied or refused, and where the case now stands. */
    public void commandReply(Person to, CaseState after, CaseWorkflow.Execution execution, String inReplyTo) {
        List<Map<String, Object>> lines = new ArrayList<>();
        boolean help = false;
        for (CommandOutcome o : execution.outcomes()) {
            lines.add(Map.of("mark", o.applied() ? "✔" : "✘", "command", o.command().toString(),
                    "verdict", o.applied() ? "diterapkan" : "DITOLAK", "text", o.text()));
            help |= o.applied() && o.command().word() == CommandWord.HELP;
        }
        Map<String, Object> model = caseModel(after);
        model.put("name", to.name());
        model.put("outcomes", lines);
        model.put("notAttempted", execution.notAttempted().stream().map(Command::toString).toList());
        model.put("hasNotAttempted", !execution.notAttempted().isEmpty());
        model.put("help", help);
        model.put("commands", helpLines());
        boolean allApplied = execution.outcomes().stream().allMatch(CommandOutcome::applied);
        send(after, "COMMAND_REPLY", to.address(), to.name(),
                (allApplied ? "Perintah diterapkan" : "Perintah ditolak") + ": " + after.subject(),
                templates.render("command-reply", model), inReplyTo, List.of());
    }

    /**
     * A step past its time standard: a reminder to whoever must act, or an escalation to
     * the supervisors. Names the case, the step, its standard, how late, and what completes it.
     */
    public void slaNotice(long ticketId, String level, boolean reminder, List<Person> to, java.time.Duration standard,
                          String standardText, String lateText) {
        CaseState state = cases.lock(ticketId);
        Map<String, Object> model = caseModel(state);
        model.put("reminder", reminder);
        model.put("level", level.replace("ESCALATION_", "eskalasi ke-"));
        model.put("standard", standardText);
        model.put("late", lateText);
        model.put("action", state.step().nextAction());
        String what = (reminder ? "Pengingat" : "Eskalasi") + ": " + state.step().describe() + " terlambat " + lateText;
        for (Person person : to) {
            model.put("name", person.name());
            send(state, reminder ? "SLA_REMINDER" : "SLA_ESCALATION", person.address(), person.name(), what,
                    templates.render("sla-notice", model), null, List.of());
        }
    }

    /** Officers hear of what they must look at: forged or unauthenticated commands, strangers on a case. */
    public void alertOfficers(CaseState state, String event, String sender, String detail) {
        Map<String, Object> model = caseModel(state);
        model.put("event", event);
        model.put("sender", sender);
        model.put("detail", detail);
        for (Person officer : directory.withRole(Role.OFFICER)) {
            model.put("name", officer.name());
            send(state, "OFFICER_ALERT", officer.address(), officer.name(), "Peringatan: " + event,
                    templates.render("officer-alert", model), null, List.of());
        }
    }

    private void toReporter(CaseState state, String what, Map<String, Object> section) {
        if (state.reporterAddress() == null || state.automatic()) {
            logbook.record(state.ticketId(), Logbook.SYSTEM, "REPORTER_NOTICE_SKIPPED",
                    what + ": no reporter to tell (automatic mail or no address)");
            return;
        }
        Map<String, Object> model = caseModel(state);
        model.putAll(section);
        model.put("name", state.reporterName() == null ? "Bapak/Ibu Pelapor" : state.reporterName());
        send(state, "REPORTER_NOTICE", state.reporterAddress(), state.reporterName(), what + ": " + state.subject(),
                templates.render("reporter-notice", model), null, List.of());
    }

    /** Step 12's output goes to the officers and the supervisors, the PDF attached. */
    private void finalReport(CaseState state) {
        byte[] pdf = finalReport.render(state.number()).orElseThrow();
        List<MailDraft.Attachment> files = List.of(
                new MailDraft.Attachment("Laporan-" + state.number() + ".pdf", "application/pdf", pdf));
        Map<String, Object> model = caseModel(state);
        Set<String> sent = new java.util.HashSet<>();
        for (Role role : List.of(Role.OFFICER, Role.SUPERVISOR)) {
            for (Person p : directory.withRole(role)) {
                if (sent.add(p.address())) {
                    model.put("name", p.name());
                    send(state, "FINAL_REPORT", p.address(), p.name(), "Laporan Penanganan Insiden Siber: " + state.subject(),
                            templates.render("final-report", model), null, files);
                }
            }
        }
    }

    private void handOver(CaseState state, Role recipientRole, String note) {
        List<Person> recipients = directory.withRole(recipientRole);
        List<MessageRepository.Evidence> evidence = messages.evidence(state.ticketId(), MAX_EVIDENCE_BYTES);
        List<MailDraft.Attachment> files = new ArrayList<>();
        List<Map<String, Object>> hashes = new ArrayList<>();
        for (MessageRepository.Evidence e : evidence) {
            hashes.add(Map.of("name", e.filename(), "size", e.size(), "sha256", e.sha256(),
                    "attached", e.attached() ? "terlampir" : "tidak dilampirkan (ukuran)"));
            if (e.attached()) {
                files.add(new MailDraft.Attachment(e.filename(), e.contentType(), messages.evidenceBytes(e)));
            }
        }
        Map<String, Object> model = caseModel(state);
        model.put("analysis", note);
        String report = messages.reportText(state.ticketId());
        model.put("report", report.length() > 8000 ? report.substring(0, 8000) + "\n[...]" : report);
        model.put("evidence", hashes);
        model.put("forAph", recipientRole == Role.APH);
        model.put("reporterName", state.reporterName() == null ? "-" : state.reporterName());
        model.put("reporterAddress", state.reporterAddress() == null ? "-" : state.reporterAddress());
        for (Person recipient : recipients) {
            cases.addParticipant(state.ticketId(), recipient.address(), recipientRole.name());
            model.put("name", recipient.name());
            send(state, "CASE_FILE", recipient.address(), recipient.name(), "Penanganan insiden: " + state.subject(),
                    templates.render("case-file", model), null, files);
        }
    }

    private void send(CaseState state, String kind, String to, String toName, String what, String body,
                      String inReplyTo, List<MailDraft.Attachment> files) {
        List<String> thread = messages.threadOf(state.ticketId());
        String subject = "[" + state.number() + "] [TLP:" + state.tlp() + "] " + what;
        outbox.enqueue(state.ticketId(), new MailDraft(kind, to, toName, subject, body,
                inReplyTo != null ? inReplyTo : thread.isEmpty() ? null : thread.get(0),
                tail(thread), "auto-generated", files));
    }

    private Map<String, Object> caseModel(CaseState state) {
        Map<String, Object> model = new HashMap<>();
        model.put("ticket", state.number());
        model.put("tag", "[" + state.number() + "]");
        model.put("tlp", state.tlp());
        model.put("subject", state.subject());
        model.put("step", state.step().describe());
        model.put("deadline", state.stepDeadline() == null ? "-" : Wib.human(state.stepDeadline()));
        model.put("next", state.step().isFinished() || state.step() == CaseStep.AUTOMATIC
                ? "-" : String.join(" atau ", state.step().nextSteps().stream().map(CaseStep::describe).toList()));
        model.put("category", state.category() == null ? "belum" : state.category()
                + (state.subcategory() == null ? "" : "/" + state.subcategory()));
        model.put("priority", state.priority() == null ? "belum" : state.priority());
        model.put("assignee", state.assignee() == null ? "belum" : state.assignee());
        model.put("deskName", properties.deskName());
        model.put("deskAddress", properties.deskAddress());
        return model;
    }

    private static List<String> tail(List<String> thread) {
        Set<String> recent = new LinkedHashSet<>(thread.size() > 20 ? thread.subList(thread.size() - 20, thread.size()) : thread);
        return List.copyOf(recent);
    }

    private static List<Map<String, String>> helpLines() {
        List<Map<String, String>> lines = new ArrayList<>();
        for (CommandWord w : CommandWord.values()) {
            lines.add(Map.of("words", String.join(" / ", w.spellings().stream().map(s -> "#" + s).toList())));
        }
        return lines;
    }
}
