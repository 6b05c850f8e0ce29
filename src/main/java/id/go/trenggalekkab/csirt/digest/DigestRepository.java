package id.go.trenggalekkab.csirt.digest;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The digest's SQL: every figure from the tickets and their step history. */
@Repository
class DigestRepository {

    private static final List<String> OPEN_STEPS = java.util.Arrays.stream(CaseStep.values())
            .filter(CaseStep::isOpen).map(Enum::name).toList();

    /** SOP steps 1-3 together: report (5 min), receipt (10 min), entry and ticket (10 min). */
    static final org.postgresql.util.PGInterval INTAKE_STANDARD = interval("25 minutes");

    private final NamedParameterJdbcTemplate jdbc;

    DigestRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the period's digest for this instance: true for the one transaction, of all
     * instances, that records it as sent; that one queues the mail, in the same transaction.
     */
    boolean claim(Period period, Instant now) {
        return jdbc.update("""
                INSERT INTO digest_sent (period_start, period_end, sent_at) VALUES (:from, :to, :now)
                ON CONFLICT (period_start) DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("from", Timestamp.from(period.start()))
                .addValue("to", Timestamp.from(period.end()))
                .addValue("now", Timestamp.from(now))) == 1;
    }

    /** Each step's visits completed in the period: how many, how many within the time standard, the median. */
    List<Digest.StepTimeliness> timeliness(Instant from, Instant to) {
        return timeliness(new MapSqlParameterSource().addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)));
    }

    private List<Digest.StepTimeliness> timeliness(MapSqlParameterSource p) {
        // steps 1-3 are the machine's: receipt to acknowledgement sent, against 5 + 10 + 10 minutes
        List<Digest.StepTimeliness> timeliness = new java.util.ArrayList<>(jdbc.query("""
                SELECT 'INTAKE' AS step, count(*) AS completed,
                       count(*) FILTER (WHERE o.sent_at - t.received_at <= :intakeStandard) AS met,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (o.sent_at - t.received_at))) AS median_seconds
                  FROM outbox o JOIN message m ON m.id = o.message_id JOIN ticket t ON t.id = m.ticket_id
                 WHERE m.kind = 'ACKNOWLEDGEMENT' AND o.status = 'SENT' AND o.sent_at >= :from AND o.sent_at < :to
                HAVING count(*) > 0
                """, new MapSqlParameterSource(p.getValues()).addValue("intakeStandard", INTAKE_STANDARD),
                (rs, i) -> new Digest.StepTimeliness(rs.getString("step"), rs.getLong("completed"), rs.getLong("met"),
                        (double) rs.getLong("met") / rs.getLong("completed"), Math.round(rs.getDouble("median_seconds") / 60.0))));
        timeliness.addAll(jdbc.query("""
                SELECT step, count(*) AS completed, count(*) FILTER (WHERE outcome = 'MET') AS met,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY took_seconds) AS median_seconds
                  FROM case_step
                 WHERE left_at >= :from AND left_at < :to AND outcome IS NOT NULL
                 GROUP BY step ORDER BY min(id)
                """, p, (rs, i) -> new Digest.StepTimeliness(rs.getString("step"), rs.getLong("completed"),
                rs.getLong("met"), rs.getLong("completed") == 0 ? 0 : (double) rs.getLong("met") / rs.getLong("completed"),
                Math.round(rs.getDouble("median_seconds") / 60.0))));
        return timeliness;
    }

    /** @param now overdue and open are judged as of the earlier of {@code to} and now */
    Digest figures(Instant from, Instant to, Instant now) {
        Instant asOf = now.isBefore(to) ? now : to;
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to))
                .addValue("asOf", Timestamp.from(asOf))
                .addValue("open", OPEN_STEPS);
        long received = count("SELECT count(*) FROM ticket WHERE NOT automatic AND received_at >= :from AND received_at < :to", p);
        long verified = entered("CATEGORISATION", p);
        long notIncidents = entered("NOT_AN_INCIDENT", p);
        long closed = entered("CLOSED", p);

        Map<String, Map<String, Long>> openByStep = new LinkedHashMap<>();
        jdbc.query("""
                SELECT status, coalesce(priority, 'NONE') AS priority, count(*) AS n FROM ticket
                 WHERE status IN (:open) AND received_at < :to GROUP BY status, priority
                """, p, rs -> {
            openByStep.computeIfAbsent(rs.getString("status"), k -> new TreeMap<>()).put(rs.getString("priority"), rs.getLong("n"));
        });

        List<Digest.StepTimeliness> timeliness = timeliness(p);

        List<Digest.Overdue> overdue = jdbc.query("""
                SELECT t.number, t.subject, s.step, s.deadline, extract(epoch FROM (:asOf - s.deadline)) / 60 AS late
                  FROM case_step s JOIN ticket t ON t.id = s.ticket_id
                 WHERE s.left_at IS NULL AND s.deadline < :asOf ORDER BY s.deadline
                """, p, (rs, i) -> new Digest.Overdue(rs.getString("number"), rs.getString("subject"),
                rs.getString("step"), Wib.at(rs.getTimestamp("deadline").toInstant()), (long) rs.getDouble("late")));

        Map<String, Long> byCategory = new TreeMap<>();
        jdbc.query("""
                SELECT coalesce(category, 'belum dikategorikan') AS category, count(*) AS n FROM ticket
                 WHERE NOT automatic AND received_at >= :from AND received_at < :to GROUP BY 1
                """, p, rs -> {
            byCategory.put(rs.getString("category"), rs.getLong("n"));
        });

        List<Digest.OpenCase> open = jdbc.query("""
                SELECT t.number, t.subject, t.status, t.priority,
                       array(SELECT l.number FROM ticket l WHERE l.merged_into = t.id ORDER BY l.id) AS linked
                  FROM ticket t
                 WHERE t.status IN (:open) AND t.received_at < :to ORDER BY t.received_at
                """, p, (rs, i) -> new Digest.OpenCase(rs.getString("number"), TicketNumber.parse(rs.getString("number")).tag(),
                rs.getString("subject"), rs.getString("status"), rs.getString("priority"),
                List.of((String[]) rs.getArray("linked").getArray())));

        // each wait counted for the part of it inside the period, up to its end or asOf
        Digest.ReporterWaiting waiting = jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE asked_at >= :from) AS questions,
                       coalesce(sum(extract(epoch FROM (least(coalesce(ended_at, :asOf), :asOf) - greatest(asked_at, :from)))
                                    ) FILTER (WHERE least(coalesce(ended_at, :asOf), :asOf) > greatest(asked_at, :from)), 0)
                           / 60 AS minutes,
                       count(*) FILTER (WHERE asked_at < :asOf AND (ended_at IS NULL OR ended_at > :asOf)) AS still
                  FROM reporter_wait WHERE asked_at < :to AND (ended_at IS NULL OR ended_at >= :from)
                """, p, (rs, i) -> new Digest.ReporterWaiting(rs.getLong("questions"), Math.round(rs.getDouble("minutes")),
                rs.getLong("still")));

        // a case no incident, dismissed or merged owes nothing while it stays so
        Digest.ReportsUpward upward = jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE u.sent_at >= :from AND u.sent_at < :to) AS sent,
                       count(*) FILTER (WHERE u.sent_at >= :from AND u.sent_at < :to AND u.sent_at > u.deadline) AS late,
                       count(*) FILTER (WHERE (u.sent_at IS NULL OR u.sent_at >= :asOf) AND (u.high_priority OR u.vital_systems IS NOT NULL)
                                          AND t.status NOT IN ('NOT_AN_INCIDENT', 'DISMISSED', 'MERGED')) AS owed,
                       count(*) FILTER (WHERE (u.sent_at IS NULL OR u.sent_at >= :asOf) AND u.deadline < :asOf
                                          AND t.status NOT IN ('NOT_AN_INCIDENT', 'DISMISSED', 'MERGED')) AS overdue
                  FROM upward_report u JOIN ticket t ON t.id = u.ticket_id
                """, p, (rs, i) -> new Digest.ReportsUpward(rs.getLong("sent"), rs.getLong("late"), rs.getLong("owed"),
                rs.getLong("overdue")));

        return new Digest(Wib.at(from), Wib.at(to), received, verified, notIncidents, closed, openByStep, timeliness,
                overdue, byCategory, open, waiting, entered("MERGED", p), upward);
    }

    private long entered(String step, MapSqlParameterSource p) {
        return count("SELECT count(DISTINCT ticket_id) FROM case_step WHERE step = :step"
                + " AND entered_at >= :from AND entered_at < :to", new MapSqlParameterSource(p.getValues()).addValue("step", step));
    }

    private static org.postgresql.util.PGInterval interval(String value) {
        try {
            return new org.postgresql.util.PGInterval(value);
        } catch (java.sql.SQLException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    private long count(String sql, MapSqlParameterSource p) {
        Long n = jdbc.queryForObject(sql, p, Long.class);
        return n == null ? 0 : n;
    }
}
