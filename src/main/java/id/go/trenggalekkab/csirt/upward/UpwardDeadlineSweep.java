package id.go.trenggalekkab.csirt.upward;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sla.SlaPolicy;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds an incident on a vital system to its 1×24-hour deadline for the report upward,
 * as the SOP's steps are held to theirs: a reminder to the officer in charge (or the
 * officers on duty) {@code reminder-before} the deadline, since a reminder at a legal
 * deadline is too late to act on; then escalations to the supervisors at the deadline and one period
 * apart, at most the SLA's {@code max-escalations}. The route upward-report-deadline
 * (Quartz, clustered) calls the two stages in one transaction; a notice is counted on the
 * case's row in the transaction that queues its mail, so it goes once with any number of
 * instances. Sending the report ends it; so does a case found no incident, dismissed or
 * merged, while it stays so.
 */
@Component("upwardDeadlineSweep")
public class UpwardDeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(UpwardDeadlineSweep.class);
    private static final int BATCH = 200;

    private final UpwardReportRepository owed;
    private final UpwardProperties properties;
    private final SlaPolicy sla;
    private final Directory directory;
    private final TicketRepository tickets;
    private final Mailer mailer;
    private final Logbook logbook;
    private final Clock clock;

    UpwardDeadlineSweep(UpwardReportRepository owed, UpwardProperties properties, SlaPolicy sla, Directory directory,
                        TicketRepository tickets, Mailer mailer, Logbook logbook, Clock clock) {
        this.owed = owed;
        this.properties = properties;
        this.sla = sla;
        this.directory = directory;
        this.tickets = tickets;
        this.mailer = mailer;
        this.logbook = logbook;
        this.clock = clock;
    }

    /** Template {@code upward-deadline-notice}. */
    record DeadlineNotice(CaseHeading ticket, String name, boolean reminder, int escalation, String vitalSystems,
                          String deadline, String left, String late) implements MailModel {

        @Override
        public String template() {
            return "upward-deadline-notice";
        }
    }

    /** When notice number n+1 falls due, n having gone: the reminder before the deadline, escalations from it on. */
    static Instant noticeDue(int sent, Instant deadline, UpwardProperties properties) {
        return sent == 0 ? deadline.minus(properties.reminderBefore())
                : deadline.plus(properties.vitalDeadline().multipliedBy(sent - 1L));
    }

    /** The route's two stages in one call, for callers outside a route. Returns how many notices went out. */
    @Transactional
    public int sweep() {
        return dueDeadlines().stream().mapToInt(this::sendNoticesDue).sum();
    }

    /** Stage 1: the vital cases not yet reported whose next notice is due, locked until the sweep's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueDeadline> dueDeadlines() {
        return owed.lockDue(clock.instant(), BATCH);
    }

    /** Stage 2, per case: every notice now due, then when the next falls due (none after the last escalation). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sendNoticesDue(DueDeadline due) {
        Instant now = clock.instant();
        int sent = 0;
        int n = due.noticesSent();
        while (n <= sla.maxEscalations() && !noticeDue(n, due.deadline(), properties).isAfter(now)) {
            if (!owed.claimNotice(due.ticketId(), n + 1)) {
                return sent;
            }
            notify(due, n, now);
            sent++;
            n++;
        }
        owed.scheduleNext(due.ticketId(), n <= sla.maxEscalations() ? noticeDue(n, due.deadline(), properties) : null);
        return sent;
    }

    private void notify(DueDeadline due, int escalation, Instant now) {
        boolean reminder = escalation == 0;
        List<Person> to = reminder ? directory.inCharge(due.assignee(), now) : directory.withRole(Role.SUPERVISOR);
        String recipients = to.stream().map(Person::address).collect(Collectors.joining(", "));
        logbook.record(due.ticketId(), Logbook.SYSTEM, reminder ? LogbookEvent.UPWARD_DEADLINE_REMINDER
                : LogbookEvent.UPWARD_DEADLINE_ESCALATION, "report upward due by " + Wib.human(due.deadline())
                + " WIB (vital system " + due.vitalSystems() + "); " + (reminder ? "reminder" : "escalation " + escalation)
                + " to " + recipients);
        log.info("Report upward of ticket {}: {} to {}", due.ticketId(), reminder ? "reminder" : "escalation " + escalation,
                recipients);
        CaseHeading ticket = CaseHeading.of(tickets.get(due.ticketId()));
        Duration left = Duration.between(now, due.deadline());
        for (Person person : to) {
            mailer.queue(Letter.of(reminder ? MessageKind.SLA_REMINDER : MessageKind.SLA_ESCALATION,
                    new DeadlineNotice(ticket, person.name(), reminder, escalation, due.vitalSystems().replace(",", ", "),
                            Wib.human(due.deadline()), left.isNegative() ? null : SlaPolicy.inWords(left),
                            left.isNegative() ? SlaPolicy.inWords(left.negated()) : null),
                    person.address(), person.name()).onCase(due.ticketId()));
        }
    }

}
