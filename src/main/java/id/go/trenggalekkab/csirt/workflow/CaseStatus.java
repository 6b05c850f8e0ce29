package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.evidence.EvidenceRepository;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.mail.HeaderValues;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.sop.SopGraph;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * What {@code #status} answers: the report's text, the step history, the last entries of
 * the logbook, the evidence and what the desk is waiting for. TTIS read it as they read a
 * case file, without the reporter's personal data; everyone else in the directory whole.
 */
@Component
class CaseStatus {

    static final int LOGBOOK_ENTRIES = 5;
    static final int MAX_REPORT_TEXT = 3000;
    static final int MAX_DETAIL = 300;

    private final CaseRepository cases;
    private final Logbook logbook;
    private final EvidenceRepository evidence;
    private final ReporterWaits waits;

    CaseStatus(CaseRepository cases, Logbook logbook, EvidenceRepository evidence, ReporterWaits waits) {
        this.cases = cases;
        this.logbook = logbook;
        this.evidence = evidence;
        this.waits = waits;
    }

    /** The section of the command reply; the lines are already in words for people. */
    record Section(String reportText, List<String> history, List<String> logbook, List<String> evidence,
                   String waitingFor) {

        public boolean hasEvidence() {
            return !evidence.isEmpty();
        }
    }

    Section of(Ticket ticket, Person reader) {
        UnaryOperator<String> shown = reader.has(Role.TTIS) && !reader.isDeskStaff() && !reader.has(Role.APH)
                ? text -> PersonalData.redact(text, ticket.reporterName(), ticket.reporterAddress())
                : UnaryOperator.identity();
        String text = evidence.reportText(ticket.id());
        if (text.length() > MAX_REPORT_TEXT) {
            text = text.substring(0, MAX_REPORT_TEXT) + "\n[... dipotong; teks lengkap pada tiket]";
        }
        List<String> history = cases.history(ticket.id()).stream()
                .map(v -> v.step().describe() + ": masuk " + Wib.human(v.enteredAt())
                        + (v.leftAt() == null ? " (sekarang)" : ", selesai " + Wib.human(v.leftAt()) + " oleh "
                        + shown.apply(String.valueOf(v.leftBy())))).toList();
        List<Logbook.Entry> entries = logbook.forTicket(ticket.id());
        List<String> last = entries.subList(Math.max(0, entries.size() - LOGBOOK_ENTRIES), entries.size()).stream()
                .map(e -> Wib.human(e.at()) + " " + e.event() + " (" + shown.apply(e.actor()) + ")"
                        + (e.detail() == null ? "" : ": " + HeaderValues.oneLine(shown.apply(e.detail()), MAX_DETAIL)))
                .toList();
        List<String> files = evidence.attachments(ticket.id()).stream()
                .map(a -> (a.filename() == null ? "(tanpa nama)" : a.filename()) + " (" + a.contentType() + ", "
                        + a.size() + " byte) SHA-256 " + a.sha256()).toList();
        return new Section(shown.apply(text), history, last, files, waitingFor(ticket));
    }

    private String waitingFor(Ticket ticket) {
        return waits.open(ticket.id())
                .map(w -> "jawaban pelapor atas pertanyaan " + w.askedBy() + " (sejak " + Wib.human(w.askedAt()) + ")")
                .orElseGet(() -> ticket.step().isFinished() ? "tidak ada: kasus selesai"
                        : SopGraph.completedBy(ticket.step()) + (ticket.step().actor() == null ? ""
                        : " dari " + ticket.step().actor().name().toLowerCase(java.util.Locale.ROOT))
                        + (ticket.stepDeadline() == null ? "" : ", paling lambat " + Wib.human(ticket.stepDeadline())));
    }
}
