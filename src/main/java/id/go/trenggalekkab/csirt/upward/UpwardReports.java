package id.go.trenggalekkab.csirt.upward;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.indicator.CaseIndicators;
import id.go.trenggalekkab.csirt.indicator.IndicatorsChanged;
import id.go.trenggalekkab.csirt.indicator.VitalSystems;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Priority;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.CasePrioritised;
import id.go.trenggalekkab.csirt.workflow.CaseRepository;
import id.go.trenggalekkab.csirt.workflow.ParticipantRole;
import id.go.trenggalekkab.csirt.workflow.UpwardReporting;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which cases owe a report upward and the report itself. A case owes one when an officer
 * sets a high priority (the regulation's high risk) or when its indicators name a system
 * marked vital; the first time it does, the officers get the draft. A vital system also
 * sets the 1×24-hour deadline, counted from the report's arrival, which {@link
 * UpwardDeadlineSweep} holds. {@code #lapor-bssn} sends the report to the sectoral CSIRTs
 * and the national ones of the directory, each as a participant of the case from then on
 * (heard, never obeyed), and stops the deadline. Everything happens in the transaction of
 * the mail or command that caused it.
 */
@Component
public class UpwardReports implements UpwardReporting {

    private static final Logger log = LoggerFactory.getLogger(UpwardReports.class);

    private final UpwardReportRepository owed;
    private final UpwardReportContents contents;
    private final UpwardProperties properties;
    private final VitalSystems vitalSystems;
    private final CaseIndicators indicators;
    private final TicketRepository tickets;
    private final CaseRepository cases;
    private final Directory directory;
    private final Mailer mailer;
    private final Logbook logbook;
    private final Clock clock;

    UpwardReports(UpwardReportRepository owed, UpwardReportContents contents, UpwardProperties properties,
                  VitalSystems vitalSystems, CaseIndicators indicators, TicketRepository tickets, CaseRepository cases,
                  Directory directory, Mailer mailer, Logbook logbook, Clock clock) {
        this.owed = owed;
        this.contents = contents;
        this.properties = properties;
        this.vitalSystems = vitalSystems;
        this.indicators = indicators;
        this.tickets = tickets;
        this.cases = cases;
        this.directory = directory;
        this.mailer = mailer;
        this.logbook = logbook;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onPrioritised(CasePrioritised prioritised) {
        if (prioritised.priority() != Priority.HIGH) {
            return;
        }
        Ticket ticket = tickets.get(prioritised.ticketId());
        UpwardReportRepository.Owed before = owed.lockOrCreate(ticket.id());
        owed.markHighPriority(ticket.id());
        if (!before.highPriority()) {
            logbook.record(ticket.id(), Logbook.SYSTEM, LogbookEvent.UPWARD_REPORT_DUE,
                    "high priority: a report to the sectoral CSIRT is due (BSSN regulation 1/2024, art. 15)");
            draftToOfficersOnce(ticket);
        }
    }

    /** The case's indicators changed: whether it is on a vital system now, and its deadline with it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onIndicatorsChanged(IndicatorsChanged changed) {
        if (!vitalSystems.anyConfigured()) {
            return;
        }
        Ticket ticket = tickets.get(changed.ticketId());
        if (ticket.automatic()) {
            return;
        }
        Set<String> named = vitalSystems.namedBy(indicators.onCase(ticket.id()));
        String vital = named.isEmpty() ? null : String.join(",", named);
        UpwardReportRepository.Owed before = named.isEmpty()
                ? owed.lock(ticket.id()).orElse(null) : owed.lockOrCreate(ticket.id());
        if (before == null || Objects.equals(before.vitalSystems(), vital)) {
            return;
        }
        if (vital == null) {
            owed.setVital(ticket.id(), null, null, null);
            logbook.record(ticket.id(), Logbook.SYSTEM, LogbookEvent.UPWARD_DEADLINE_STOPPED,
                    "no indicator names a vital system any more (was " + before.vitalSystems() + ")");
            return;
        }
        Instant deadline = before.deadline() != null ? before.deadline()
                : ticket.receivedAt().plus(properties.vitalDeadline());
        owed.setVital(ticket.id(), vital, deadline, before.sentAt() != null ? null
                : UpwardDeadlineSweep.noticeDue(before.noticesSent(), deadline, properties));
        if (!before.vital() && before.sentAt() != null) {
            logbook.record(ticket.id(), Logbook.SYSTEM, LogbookEvent.UPWARD_REPORT_DUE, "on vital system(s) " + vital
                    + ", after the report upward was sent: #lapor-bssn again sends a further report");
        } else if (!before.vital()) {
            logbook.record(ticket.id(), Logbook.SYSTEM, LogbookEvent.UPWARD_REPORT_DUE, "on vital system(s) " + vital
                    + ": the report upward is due by " + Wib.human(deadline) + " WIB (1x24 hours)");
            log.info("{} is on vital system(s) {}: report upward due by {}", ticket.number(), vital, deadline);
            draftToOfficersOnce(ticket);
        }
    }

    /** Where the case stands with it; empty where it owes none and none was sent or drafted. */
    public Optional<UpwardReportStatus> status(long ticketId) {
        return owed.find(ticketId).filter(o -> o.highPriority() || o.vital() || o.sentAt() != null)
                .map(o -> new UpwardReportStatus(o.highPriority(), o.vital() ? List.of(o.vitalSystems().split(",")) : List.of(),
                        o.deadline(), o.noticesSent(), o.draftMailedAt(), o.sentAt(), o.sentBy(), o.timesSent()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Person> send(Ticket ticket, Person officer, String officerText) {
        List<Person> to = recipients().all();
        if (to.isEmpty()) {
            return List.of();
        }
        UpwardReportRepository.Owed before = owed.lockOrCreate(ticket.id());
        Instant now = clock.instant();
        for (Person recipient : to) {
            List<String> others = to.stream().filter(p -> p != recipient).map(UpwardReports::named).toList();
            mailer.queue(Letter.of(MessageKind.UPWARD_REPORT, contents.of(ticket, before, recipient.name(), false,
                    officerText, others, now), recipient.address(), recipient.name()).onCase(ticket.id()));
            cases.addParticipant(ticket.id(), recipient.address(), ParticipantRole.UPWARD_CSIRT);
        }
        owed.sent(ticket.id(), now, officer.address());
        String deadline = before.deadline() == null ? ""
                : now.isAfter(before.deadline()) ? "; the 1x24-hour deadline (" + Wib.human(before.deadline()) + " WIB) was missed"
                : "; within the 1x24-hour deadline (" + Wib.human(before.deadline()) + " WIB)";
        logbook.record(ticket.id(), officer.address(), LogbookEvent.REPORTED_UPWARD,
                (before.timesSent() > 0 ? "further report " : "report ") + "to "
                        + to.stream().map(Person::address).collect(Collectors.joining(", ")) + deadline);
        return to;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void mailDraft(Ticket ticket, Person officer) {
        // asked for, not the one the case owes its officers: that one still goes when the case first owes the report
        mailDraft(ticket, owed.lockOrCreate(ticket.id()), List.of(officer));
    }

    /** To the officer in charge, else to those on duty: once per case, the first time it owes the report. */
    private void draftToOfficersOnce(Ticket ticket) {
        UpwardReportRepository.Owed now = owed.lock(ticket.id()).orElseThrow();
        if (now.draftMailedAt() != null || now.sentAt() != null) {
            return;
        }
        mailDraft(ticket, now, directory.inCharge(ticket.assignee(), clock.instant()));
        owed.draftMailed(ticket.id(), clock.instant());
    }

    private void mailDraft(Ticket ticket, UpwardReportRepository.Owed now, List<Person> officers) {
        Recipients to = recipients();
        List<String> addressees = new ArrayList<>(to.sectoral().stream().map(UpwardReports::named).toList());
        to.national().forEach(p -> addressees.add(named(p) + " (tembusan)"));
        for (Person officer : officers) {
            mailer.queue(Letter.of(MessageKind.UPWARD_REPORT_DRAFT, contents.of(tickets.get(ticket.id()), now, officer.name(),
                    true, "", addressees, clock.instant()), officer.address(), officer.name())
                    .onCase(ticket.id()));
        }
    }

    /** Who the report goes to: the sectoral CSIRTs, and the national ones copied; someone in both roles once. */
    private record Recipients(List<Person> sectoral, List<Person> national) {

        List<Person> all() {
            List<Person> all = new ArrayList<>(sectoral);
            all.addAll(national);
            return all;
        }
    }

    private Recipients recipients() {
        Map<String, Person> sectoral = new LinkedHashMap<>();
        directory.withRole(Role.SECTORAL_CSIRT).forEach(p -> sectoral.putIfAbsent(p.address(), p));
        Map<String, Person> national = new LinkedHashMap<>();
        directory.withRole(Role.NATIONAL_CSIRT).forEach(p -> national.putIfAbsent(p.address(), p));
        national.keySet().removeAll(sectoral.keySet());
        return new Recipients(List.copyOf(sectoral.values()), List.copyOf(national.values()));
    }

    private static String named(Person person) {
        return person.name() + " <" + person.address() + ">";
    }
}
