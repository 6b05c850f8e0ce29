package id.go.trenggalekkab.csirt.web;

import id.go.trenggalekkab.csirt.access.Viewers;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.evidence.EvidenceRepository;
import id.go.trenggalekkab.csirt.indicator.Correlations;
import id.go.trenggalekkab.csirt.indicator.IndicatorRepository;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.report.FinalReport;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.upward.UpwardReportStatus;
import id.go.trenggalekkab.csirt.upward.UpwardReports;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.CaseRepository;
import id.go.trenggalekkab.csirt.workflow.CaseVisibility;
import id.go.trenggalekkab.csirt.workflow.CaseWorkflow;
import id.go.trenggalekkab.csirt.workflow.ScreenCommands;
import id.go.trenggalekkab.csirt.workflow.CaseVisibility.Sight;
import id.go.trenggalekkab.csirt.workflow.StepVisit;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * One case on a screen, as much of it as this person may see ({@link CaseVisibility}):
 * its steps against their time standards, its evidence with hashes and downloads that
 * stream the stored bytes, every message as the text the desk read (HTML mail never
 * rendered), its logbook, the cases merged into it, its final report. A case one may not
 * see answers 404, as one that does not exist.
 */
@Controller
class CaseController {

    record StepRow(String step, String entered, String left, String deadline, String timeliness, String byAndNote) {}

    record MessageRow(long id, String direction, String from, String to, String subject, String at, String kind,
                      String text, String sha256, long size, boolean stranger, boolean automatic) {}

    record AttachmentRow(long id, String filename, String type, long size, String sha256) {}

    record LogRow(String at, String actor, String event, String detail) {}

    /** Where the case stands with its report upward, for the desk's own people. */
    record UpwardLine(String reason, String deadline, boolean hasDeadline, String sent, boolean isSent) {

        static UpwardLine of(UpwardReportStatus u) {
            return new UpwardLine(u.reasonInIndonesian(), u.deadline() == null ? "" : Wib.human(u.deadline()),
                    u.deadline() != null, u.sentAt() == null ? "" : Wib.human(u.sentAt()) + " oleh " + u.sentBy()
                    + (u.timesSent() > 1 ? " (" + u.timesSent() + " kali)" : ""), u.sentAt() != null);
        }
    }

    /** An indicator as people see it: defanged, never a link. */
    record IndicatorRow(String type, String defanged, String mark, String found) {}

    /** What became of a command given on the page, shown once after it. */
    /** Carried to the next page in the session (a flash attribute), which lives in the database: serializable. */
    record Outcome(String command, boolean applied, String text) implements java.io.Serializable {}

    private final TicketRepository tickets;
    private final CaseRepository cases;
    private final EvidenceRepository evidence;
    private final Logbook logbook;
    private final FinalReport finalReport;
    private final CaseVisibility visibility;
    private final Viewers viewers;
    private final ScreenCommands commands;
    private final IndicatorRepository indicators;
    private final Correlations correlations;
    private final UpwardReports upward;
    private final Clock clock;

    CaseController(TicketRepository tickets, CaseRepository cases, EvidenceRepository evidence, Logbook logbook,
                   FinalReport finalReport, CaseVisibility visibility, Viewers viewers, ScreenCommands commands,
                   IndicatorRepository indicators, Correlations correlations, UpwardReports upward, Clock clock) {
        this.upward = upward;
        this.indicators = indicators;
        this.correlations = correlations;
        this.commands = commands;
        this.tickets = tickets;
        this.cases = cases;
        this.evidence = evidence;
        this.logbook = logbook;
        this.finalReport = finalReport;
        this.visibility = visibility;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/kasus/{number}")
    ModelAndView show(@PathVariable String number, Model flash) {
        Object flashed = flash.getAttribute("outcomes");
        Person viewer = viewer();
        Ticket t = find(number);
        Sight sight = sightOf(viewer, t, Sight.OVERVIEW);
        Instant now = clock.instant();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", t.number().toString());
        model.put("heading", CaseLine.of(t, now));
        model.put("steps", cases.history(t.id()).stream().map(CaseController::stepRow).toList());
        boolean everything = sight.atLeast(Sight.EVERYTHING);
        boolean evidenceToo = sight.atLeast(Sight.EVIDENCE);
        model.put("everything", everything);
        model.put("evidence", evidenceToo);
        model.put("reporter", everything ? List.of(Map.of("name", t.reporterName() == null ? "-" : t.reporterName(),
                "address", t.reporterAddress() == null ? "-" : t.reporterAddress())) : List.of());
        if (everything) {
            Map<Long, String> texts = evidence.texts(t.id());
            model.put("messages", evidence.messages(t.id()).stream().map(m -> new MessageRow(m.id(),
                    "IN".equals(m.direction()) ? "masuk" : "keluar", m.fromAddress() == null ? "desk" : m.fromAddress(),
                    m.toAddress() == null ? "desk" : m.toAddress(), m.subject() == null ? "" : m.subject(),
                    Wib.human(m.receivedAt()), m.kind(), texts.getOrDefault(m.id(), ""), m.sha256(), m.size(),
                    m.nonParticipant(), m.automatic())).toList());
            model.put("log", logbook.forTicket(t.id()).stream().map(e -> new LogRow(Wib.human(e.at()), e.actor(), e.event(),
                    e.detail() == null ? "" : e.detail())).toList());
        } else {
            model.put("messages", List.of());
            model.put("log", List.of());
        }
        model.put("attachments", evidenceToo ? evidence.attachments(t.id()).stream().map(a -> new AttachmentRow(a.id(),
                a.filename() == null ? "(tanpa nama)" : a.filename(), a.contentType(), a.size(), a.sha256())).toList() : List.of());
        model.put("hasAttachments", !((List<?>) model.get("attachments")).isEmpty());
        List<IndicatorRow> found = evidenceToo ? indicators.onCase(t.id()).stream().map(i -> new IndicatorRow(i.type().name(),
                i.indicator().defanged(), i.indicator().markInIndonesian(),
                i.foundIn().name().toLowerCase(java.util.Locale.ROOT) + ", " + Wib.human(i.firstSeenAt()))).toList() : List.of();
        model.put("indicators", found);
        model.put("hasIndicators", !found.isEmpty());
        // other cases sharing an indicator, only those this person may see
        List<String> related = evidenceToo ? correlations.of(t.id()).stream()
                .filter(c -> visibility.maySee(viewer, c.ticket()))
                .map(c -> c.ticket() + ": " + c.indicator().defanged()).distinct().toList() : List.of();
        model.put("related", related);
        model.put("hasRelated", !related.isEmpty());
        // the report upward: the desk's own people decide it, so they alone see where it stands
        model.put("upward", everything ? upward.status(t.id()).map(UpwardLine::of).stream().toList() : List.of());
        model.put("mergedInto", cases.mergedInto(t.id()).map(tickets::numberOf).map(Object::toString).stream().toList());
        List<String> linked = cases.linkedCases(t.id()).stream().map(id -> tickets.numberOf(id).toString()).toList();
        model.put("linked", linked);
        model.put("hasLinked", !linked.isEmpty());
        List<ScreenCommands.Offered> offered = evidenceToo ? commands.offered(viewer, t) : List.of();
        model.put("offered", offered);
        model.put("mayAct", !offered.isEmpty());
        model.put("outcomes", flashed instanceof List<?> list ? list : List.of());
        return new ModelAndView("web/case", model);
    }

    /** One command from the case page's form, through the same workflow as a command by mail. */
    @PostMapping("/kasus/{number}/perintah")
    String command(@PathVariable String number, @RequestParam(defaultValue = "") String perintah,
                   @RequestParam(defaultValue = "") String argumen, @RequestParam(defaultValue = "") String catatan,
                   RedirectAttributes redirect) {
        Person viewer = viewer();
        Ticket t = find(number);
        sightOf(viewer, t, Sight.EVIDENCE);
        CaseWorkflow.Execution execution = commands.give(viewer, t, perintah, argumen, catatan);
        redirect.addFlashAttribute("outcomes", execution.outcomes().stream()
                .map(o -> new Outcome(o.command().written(), o.applied(), o.text())).toList());
        return "redirect:/kasus/" + t.number();
    }

    @GetMapping("/kasus/{number}/lampiran/{id}")
    ResponseEntity<StreamingResponseBody> attachment(@PathVariable String number, @PathVariable long id) {
        Ticket t = find(number);
        sightOf(viewer(), t, Sight.EVIDENCE);
        EvidenceRepository.AttachmentSummary a = evidence.attachment(t.id(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // never rendered by the browser, whatever the reporter's mail called it
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(a.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.filename() == null ? "lampiran-" + id : a.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", a.sha256())
                .body(out -> evidence.writeAttachment(a.id(), a.size(), out));
    }

    @GetMapping("/kasus/{number}/laporan.pdf")
    ResponseEntity<byte[]> report(@PathVariable String number) {
        Ticket t = find(number);
        sightOf(viewer(), t, Sight.EVERYTHING);
        byte[] pdf = finalReport.render(t.number()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("Laporan-" + t.number() + ".pdf").build().toString())
                .body(pdf);
    }

    private Person viewer() {
        return viewers.required();
    }

    private Sight sightOf(Person viewer, Ticket t, Sight needed) {
        Sight sight = visibility.of(viewer, t);
        if (!sight.atLeast(needed)) {
            // the same answer as for a case that does not exist: nothing says it does
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "tidak ada kasus " + t.number());
        }
        return sight;
    }

    private Ticket find(String number) {
        return TicketNumber.tryParse(number).flatMap(tickets::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "tidak ada kasus " + number));
    }

    private static StepRow stepRow(StepVisit v) {
        String timeliness = v.deadline() == null ? "-" : v.leftAt() == null ? "berjalan"
                : v.leftAt().isAfter(v.deadline()) ? "terlambat" : "tepat waktu";
        return new StepRow(v.step().describe(), Wib.human(v.enteredAt()), v.leftAt() == null ? "-" : Wib.human(v.leftAt()),
                v.deadline() == null ? "-" : Wib.human(v.deadline()), timeliness,
                (v.leftBy() == null ? (v.enteredBy() == null ? "" : v.enteredBy()) : v.leftBy())
                        + (v.note() == null || v.note().isBlank() ? "" : ": " + v.note()));
    }
}
