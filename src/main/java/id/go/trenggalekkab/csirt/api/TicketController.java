package id.go.trenggalekkab.csirt.api;

import id.go.trenggalekkab.csirt.access.Viewers;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.evidence.EvidenceRepository;
import id.go.trenggalekkab.csirt.indicator.CaseIndicators;
import id.go.trenggalekkab.csirt.indicator.Correlations;
import id.go.trenggalekkab.csirt.indicator.IndicatorRepository;
import id.go.trenggalekkab.csirt.indicator.MispEvent;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.report.FinalReport;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.upward.UpwardReportStatus;
import id.go.trenggalekkab.csirt.upward.UpwardReports;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.CaseRepository;
import id.go.trenggalekkab.csirt.workflow.CaseVisibility;
import id.go.trenggalekkab.csirt.workflow.CaseVisibility.Sight;
import id.go.trenggalekkab.csirt.workflow.StepVisit;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Read access to tickets, their evidence and their logbook. Times are in WIB. A person
 * signed in sees what {@link CaseVisibility} allows them (a case they may not see is a
 * 404, as one that does not exist); the operator's token and the open API on 127.0.0.1
 * see everything.
 */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");
    private static final int MAX_PAGE_SIZE = 200;

    private final TicketRepository tickets;
    private final EvidenceRepository evidence;
    private final Logbook logbook;
    private final CaseRepository cases;
    private final CaseVisibility visibility;
    private final Viewers viewers;
    private final FinalReport finalReport;
    private final IndicatorRepository indicators;
    private final Correlations correlations;
    private final CaseIndicators caseIndicators;
    private final UpwardReports upward;
    private final String deskDomain;

    TicketController(TicketRepository tickets, EvidenceRepository evidence, Logbook logbook, CaseRepository cases,
                     CaseVisibility visibility, Viewers viewers, FinalReport finalReport, IndicatorRepository indicators,
                     Correlations correlations, CaseIndicators caseIndicators, UpwardReports upward,
                     CsirtProperties properties) {
        this.caseIndicators = caseIndicators;
        this.upward = upward;
        this.deskDomain = properties.deskDomain();
        this.finalReport = finalReport;
        this.indicators = indicators;
        this.correlations = correlations;
        this.tickets = tickets;
        this.evidence = evidence;
        this.logbook = logbook;
        this.cases = cases;
        this.visibility = visibility;
        this.viewers = viewers;
    }

    @GetMapping
    TicketPage list(@RequestParam(required = false) String status,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        CaseStep filter = status == null || status.isBlank() ? null : step(status);
        Optional<Person> viewer = viewers.current();
        if (viewer.isPresent()) {
            // what this person may see, paged here: a regency's desk holds thousands of tickets, not millions
            List<TicketSummary> visible = tickets.page(filter, 0, Integer.MAX_VALUE).stream()
                    .map(t -> Map.entry(t, visibility.of(viewer.get(), t)))
                    .filter(seen -> seen.getValue() != Sight.NONE)
                    .map(seen -> TicketSummary.of(seen.getKey(), seen.getValue().atLeast(Sight.EVERYTHING))).toList();
            List<TicketSummary> items = visible.stream().skip((long) page * size).limit(size).toList();
            return new TicketPage(items, page, size, visible.size());
        }
        List<TicketSummary> items = tickets.page(filter, page, size).stream().map(t -> TicketSummary.of(t, true)).toList();
        return new TicketPage(items, page, size, tickets.count(filter));
    }

    @GetMapping("/{number}")
    TicketDetail get(@PathVariable String number) {
        Ticket ticket = find(number);
        Sight sight = sightOf(ticket, Sight.OVERVIEW);
        boolean everything = sight.atLeast(Sight.EVERYTHING);
        return new TicketDetail(
                ticket.number().toString(), ticket.step().name(),
                everything ? new Reporter(ticket.reporterName(), ticket.reporterAddress()) : null,
                ticket.subject(), Wib.at(ticket.receivedAt()), ticket.automatic(), ticket.automaticReason(),
                ticket.step().describe(), Wib.at(ticket.stepDeadline()),
                ticket.category() == null ? null : new Category(ticket.category().taxonomyClass(), ticket.category().subtype()),
                ticket.priority() == null ? null : ticket.priority().name(), ticket.tlp().label(), ticket.assignee(),
                cases.mergedInto(ticket.id()).map(tickets::numberOf).map(Object::toString).orElse(null),
                cases.linkedCases(ticket.id()).stream().map(id -> tickets.numberOf(id).toString()).toList(),
                cases.history(ticket.id()).stream().map(StepView::of).toList(),
                everything ? evidence.messages(ticket.id()).stream().map(MessageView::of).toList() : List.of(),
                sight.atLeast(Sight.EVIDENCE) ? evidence.attachments(ticket.id()).stream().map(AttachmentView::of).toList()
                        : List.of(),
                everything ? logbook.forTicket(ticket.id()).stream().map(LogbookView::of).toList() : List.of());
    }

    @GetMapping("/{number}/messages/{id}/raw")
    ResponseEntity<StreamingResponseBody> raw(@PathVariable String number, @PathVariable long id) {
        Ticket ticket = find(number);
        sightOf(ticket, Sight.EVERYTHING);
        long size = evidence.rawSize(ticket.id(), id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + id + " on ticket " + number));
        return ResponseEntity.ok()
                .contentType(RFC822)
                .contentLength(size)
                .header("Content-Disposition", "attachment; filename=\"" + number + "-" + id + ".eml\"")
                .body(out -> evidence.writeRaw(id, size, out));
    }

    /**
     * The case's indicators, defanged as everywhere the desk writes them, each with where it
     * was found; seen by whoever sees the case's evidence (TTIS and APH once it is theirs).
     */
    @GetMapping("/{number}/indicators")
    List<IndicatorView> indicators(@PathVariable String number) {
        Ticket ticket = find(number);
        sightOf(ticket, Sight.EVIDENCE);
        return indicators.onCase(ticket.id()).stream().map(IndicatorView::of).toList();
    }

    /**
     * The case as a MISP event (MISP's JSON), for the team to import into MISP: indicators as
     * attributes, TLP and RSIT tags, distribution from the TLP, nothing of the reporter. The
     * desk's own people only: it is what the team chooses to share.
     */
    @GetMapping(value = "/{number}/misp.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> misp(@PathVariable String number) {
        Ticket ticket = find(number);
        sightOf(ticket, Sight.EVERYTHING);
        return MispEvent.of(ticket, caseIndicators.onCase(ticket.id()), deskDomain);
    }

    /**
     * The other cases of the last year that share an indicator with this one, each with the
     * indicator; only cases the caller may see are named.
     */
    @GetMapping("/{number}/related")
    List<RelatedCase> related(@PathVariable String number) {
        Ticket ticket = find(number);
        sightOf(ticket, Sight.EVIDENCE);
        Optional<Person> viewer = viewers.current();
        return correlations.of(ticket.id()).stream()
                .filter(c -> viewer.isEmpty() || visibility.maySee(viewer.get(), c.ticket()))
                .map(c -> new RelatedCase(c.ticket(), c.step(), CaseStep.valueOf(c.step()).describe(), c.category(),
                        c.indicator().type().name(), c.indicator().defanged()))
                .toList();
    }

    /**
     * The case's report upward (BSSN regulation 1/2024): why it is owed, the 1x24-hour
     * deadline of a vital system, the notices that deadline sent, the draft and the sending.
     * 404 where the case owes none. The desk's own people only.
     */
    @GetMapping("/{number}/upward-report")
    UpwardView upwardReport(@PathVariable String number) {
        Ticket ticket = find(number);
        sightOf(ticket, Sight.EVERYTHING);
        UpwardReportStatus s = upward.status(ticket.id()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, number + " owes no report upward"));
        return new UpwardView(s.highPriority(), s.vitalSystems(), Wib.at(s.deadline()), s.noticesSent(),
                Wib.at(s.draftMailedAt()), Wib.at(s.sentAt()), s.sentBy(), s.timesSent());
    }

    record UpwardView(boolean highPriority, List<String> vitalSystems, OffsetDateTime deadline, int noticesSent,
                      OffsetDateTime draftMailedAt, OffsetDateTime sentAt, String sentBy, int timesSent) {}

    record RelatedCase(String number, String status, String statusText, String category, String indicatorType,
                       String indicator) {}

    record IndicatorView(String type, String defanged, String mark, String foundIn, Long messageId,
                         String attachmentSha256, OffsetDateTime firstSeenAt, String addedBy) {
        static IndicatorView of(IndicatorRepository.StoredIndicator i) {
            return new IndicatorView(i.type().name(), i.indicator().defanged(), i.mark().name(), i.foundIn().name(),
                    i.messageId(), i.attachmentSha256(), Wib.at(i.firstSeenAt()), i.addedBy());
        }
    }

    /** The final report of a case as a PDF, rendered from the record when asked for. */
    @GetMapping("/{number}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String number) {
        Ticket ticket = find(number);
        sightOf(ticket, Sight.EVERYTHING);
        byte[] pdf = finalReport.render(ticket.number())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no ticket " + number));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"Laporan-" + ticket.number() + ".pdf\"")
                .body(pdf);
    }

    private static CaseStep step(String status) {
        try {
            return CaseStep.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status must be one of "
                    + Arrays.toString(CaseStep.values()));
        }
    }

    /** How much of the case the caller sees: everything for the operator's token and the open API. */
    private Sight sightOf(Ticket ticket, Sight needed) {
        Sight sight = viewers.current().map(p -> visibility.of(p, ticket)).orElse(Sight.EVERYTHING);
        if (!sight.atLeast(needed)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no ticket " + ticket.number());
        }
        return sight;
    }

    private Ticket find(String number) {
        return TicketNumber.tryParse(number)
                .flatMap(tickets::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no ticket " + number));
    }

    record TicketPage(List<TicketSummary> items, int page, int size, long total) {}

    record Reporter(String name, String address) {}

    record TicketSummary(String number, String status, Reporter reporter, String subject,
                         OffsetDateTime receivedAt, boolean automatic) {
        static TicketSummary of(Ticket t, boolean withReporter) {
            return new TicketSummary(t.number().toString(), t.step().name(),
                    withReporter ? new Reporter(t.reporterName(), t.reporterAddress()) : null,
                    t.subject(), Wib.at(t.receivedAt()), t.automatic());
        }
    }

    record TicketDetail(String number, String status, Reporter reporter, String subject, OffsetDateTime receivedAt,
                        boolean automatic, String automaticReason, String step, OffsetDateTime stepDeadline,
                        Category category, String priority, String tlp, String assignee, String mergedInto,
                        List<String> linkedCases, List<StepView> history,
                        List<MessageView> messages, List<AttachmentView> attachments, List<LogbookView> logbook) {}

    record Category(String taxonomyClass, String subtype) {}

    record StepView(String step, int sopStep, OffsetDateTime enteredAt, String enteredBy, OffsetDateTime deadline,
                    OffsetDateTime leftAt, String leftBy, String note) {
        static StepView of(StepVisit v) {
            return new StepView(v.step().name(), v.step().sopStep(), Wib.at(v.enteredAt()), v.enteredBy(),
                    Wib.at(v.deadline()), Wib.at(v.leftAt()), v.leftBy(), v.note());
        }
    }

    record MessageView(long id, String direction, String kind, String messageId, String from, String to,
                       String subject, OffsetDateTime at, boolean automatic, String automaticReason,
                       String sha256, long size, boolean nonParticipant) {
        static MessageView of(EvidenceRepository.MessageSummary m) {
            return new MessageView(m.id(), m.direction(), m.kind(), m.messageId(), m.fromAddress(), m.toAddress(),
                    m.subject(), Wib.at(m.receivedAt()), m.automatic(), m.automaticReason(), m.sha256(), m.size(),
                    m.nonParticipant());
        }
    }

    record AttachmentView(long id, long messageId, String filename, String contentType, long size, String sha256) {
        static AttachmentView of(EvidenceRepository.AttachmentSummary a) {
            return new AttachmentView(a.id(), a.messageId(), a.filename(), a.contentType(), a.size(), a.sha256());
        }
    }

    record LogbookView(long id, OffsetDateTime at, String actor, String event, String detail) {
        static LogbookView of(Logbook.Entry e) {
            return new LogbookView(e.id(), Wib.at(e.at()), e.actor(), e.event(), e.detail());
        }
    }
}
