package id.go.trenggalekkab.csirt.sla;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.directory.Role;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.workflow.CaseNotifications;
import id.go.trenggalekkab.csirt.workflow.CaseStep;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds every open step to its time standard. Called by the sla-sweep route (Quartz, JDBC
 * job store, clustered): finds the open steps past their deadline and sends, once each,
 * the reminder at the deadline (to the assignee, or all officers) and the escalations to
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
    static final String REMINDER = "REMINDER";
    private static final int BATCH = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final SlaPolicy policy;
    private final Directory directory;
    private final CaseNotifications notifications;
    private final Logbook logbook;
    private final Clock clock;

    public SlaSweep(NamedParameterJdbcTemplate jdbc, SlaPolicy policy, Directory directory,
                    CaseNotifications notifications, Logbook logbook, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.directory = directory;
        this.notifications = notifications;
        this.logbook = logbook;
        this.clock = clock;
    }

    /** One sweep; returns how many notices it sent. */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        List<OverdueStep> overdue = jdbc.query("""
                SELECT s.id, s.ticket_id, s.step, s.entered_at, s.deadline, t.assignee
                  FROM case_step s JOIN ticket t ON t.id = s.ticket_id
                 WHERE s.left_at IS NULL AND s.next_notice_at IS NOT NULL AND s.next_notice_at <= :now
                 ORDER BY s.next_notice_at
                 LIMIT :batch
                   FOR UPDATE OF s SKIP LOCKED
                """, new MapSqlParameterSource()
                .addValue("now", Timestamp.from(now))
                .addValue("batch", BATCH),
                (rs, i) -> new OverdueStep(rs.getLong("id"), rs.getLong("ticket_id"), CaseStep.valueOf(rs.getString("step")),
                        rs.getTimestamp("entered_at").toInstant(), rs.getTimestamp("deadline").toInstant(),
                        rs.getString("assignee")));
        int sent = 0;
        for (OverdueStep step : overdue) {
            sent += notify(step, REMINDER, step.deadline(), now);
            Instant next = null;
            for (int n = 1; n <= policy.maxEscalations(); n++) {
                Instant due = policy.escalationDue(step.step(), step.enteredAt(), n);
                if (due.isAfter(now)) {
                    next = due;
                    break;
                }
                sent += notify(step, "ESCALATION_" + n, due, now);
            }
            jdbc.update("UPDATE case_step SET next_notice_at = :next WHERE id = :id", new MapSqlParameterSource()
                    .addValue("id", step.id()).addValue("next", next == null ? null : Timestamp.from(next)));
        }
        if (sent > 0) {
            log.info("SLA sweep sent {} notice(s) for {} overdue step(s)", sent, overdue.size());
        }
        return sent;
    }

    private int notify(OverdueStep step, String level, Instant due, Instant now) {
        List<Person> recipients = recipients(step, level);
        String to = recipients.stream().map(Person::address).collect(Collectors.joining(", "));
        Integer inserted = jdbc.queryForList("""
                INSERT INTO sla_notice (case_step_id, ticket_id, level, due_at, created_at, recipients)
                VALUES (:stepId, :ticketId, :level, :due, :now, :to)
                ON CONFLICT (case_step_id, level) DO NOTHING
                RETURNING 1
                """, new MapSqlParameterSource()
                .addValue("stepId", step.id())
                .addValue("ticketId", step.ticketId())
                .addValue("level", level)
                .addValue("due", Timestamp.from(due))
                .addValue("now", Timestamp.from(now))
                .addValue("to", to), Integer.class).stream().findFirst().orElse(null);
        if (inserted == null) {
            return 0;
        }
        Duration late = Duration.between(step.deadline(), now);
        boolean reminder = level.equals(REMINDER);
        logbook.record(step.ticketId(), Logbook.SYSTEM, reminder ? "SLA_REMINDER" : "SLA_ESCALATION",
                step.step().describe() + " past its time standard by " + humanDuration(late) + "; " + level + " to " + to);
        notifications.slaNotice(step.ticketId(), level, reminder, recipients, policy.timeStandard(step.step()),
                humanDuration(policy.timeStandard(step.step())), humanDuration(late));
        return 1;
    }

    private List<Person> recipients(OverdueStep step, String level) {
        if (level.equals(REMINDER)) {
            if (step.assignee() != null) {
                return directory.find(step.assignee()).map(List::of).orElseGet(() -> directory.withRole(Role.OFFICER));
            }
            return directory.withRole(Role.OFFICER);
        }
        return new ArrayList<>(directory.withRole(Role.SUPERVISOR));
    }

    /** For people: "1 hari 2 jam", "25 menit". */
    static String humanDuration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes % (24 * 60)) / 60;
        long rest = minutes % 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(days + " hari");
        }
        if (hours > 0) {
            parts.add(hours + " jam");
        }
        if (rest > 0 || parts.isEmpty()) {
            parts.add(rest + " menit");
        }
        return String.join(" ", parts);
    }

    private record OverdueStep(long id, long ticketId, CaseStep step, Instant enteredAt, Instant deadline,
                               String assignee) {}
}
