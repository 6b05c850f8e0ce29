package id.go.trenggalekkab.csirt.sla;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.sop.Role;
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
 * Holds every open step to its time standard. The sla-sweep route (Quartz, JDBC job
 * store, clustered) calls its two stages in one transaction: {@link #overdueSteps} finds
 * the open steps whose next notice is due, and {@link #sendNoticesDue} sends, once each,
 * the reminder at the deadline (to the assignee, or the officers on duty) and the escalations to
 * the supervisors (first at {@code escalate-after} × the standard, then one standard
 * apart, at most {@code max-escalations}). A step completed stops its escalation: only
 * open steps are read.
 *
 * <p>Exactly once, with any number of instances: a notice is a row with a unique key
 * (step visit, level), written in the same transaction as its outbox mail. The instance
 * that inserts the row sends the mail; the other's insert does nothing. A sweep that fails
 * leaves no row, so the next one sends it: never twice, never zero times. A deadline that
 * passed while the desk was down is simply past on the first sweep after start.
 */
@Component("slaSweep")
public class SlaSweep {

    private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);
    private static final int BATCH = 500;

    private final SlaRepository repository;
    private final SlaPolicy policy;
    private final Directory directory;
    private final SlaNotices notices;
    private final Logbook logbook;
    private final Clock clock;

    SlaSweep(SlaRepository repository, SlaPolicy policy, Directory directory, SlaNotices notices, Logbook logbook,
             Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.directory = directory;
        this.notices = notices;
        this.logbook = logbook;
        this.clock = clock;
    }

    /** The route's two stages in one call, for callers outside a route. Returns how many notices went out. */
    @Transactional
    public int sweep() {
        return overdueSteps().stream().mapToInt(this::sendNoticesDue).sum();
    }

    /** Stage 1: the open steps whose next notice is due, locked until the sweep's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OverdueStep> overdueSteps() {
        return repository.lockDue(clock.instant(), BATCH);
    }

    /** Stage 2, per overdue step: the reminder and every escalation now due, then when the next falls due. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sendNoticesDue(OverdueStep step) {
        Instant now = clock.instant();
        int sent = notify(step, NoticeLevel.REMINDER, step.deadline(), now);
        Instant next = null;
        for (int n = 1; n <= policy.maxEscalations(); n++) {
            Instant due = policy.escalationDue(step.step(), step.enteredAt(), n);
            if (due.isAfter(now)) {
                next = due;
                break;
            }
            sent += notify(step, NoticeLevel.escalation(n), due, now);
        }
        repository.scheduleNext(step, next);
        if (sent > 0) {
            log.info("SLA: {} notice(s) for {} of ticket {}", sent, step.step(), step.ticketId());
        }
        return sent;
    }

    private int notify(OverdueStep step, NoticeLevel level, Instant due, Instant now) {
        List<Person> recipients = recipients(step, level);
        String to = recipients.stream().map(Person::address).collect(Collectors.joining(", "));
        if (!repository.claim(step, level, due, now, to)) {
            return 0;
        }
        Duration late = Duration.between(step.deadline(), now);
        logbook.record(step.ticketId(), Logbook.SYSTEM, level.isReminder() ? LogbookEvent.SLA_REMINDER
                : LogbookEvent.SLA_ESCALATION, step.step().describe() + " past its time standard by "
                + SlaPolicy.inWords(late) + "; " + level.stored() + " to " + to);
        notices.send(step.ticketId(), level, recipients, SlaPolicy.inWords(policy.timeStandard(step.step())),
                SlaPolicy.inWords(late));
        return 1;
    }

    private List<Person> recipients(OverdueStep step, NoticeLevel level) {
        if (!level.isReminder()) {
            return directory.withRole(Role.SUPERVISOR);
        }
        return directory.inCharge(step.assignee(), clock.instant());
    }
}
