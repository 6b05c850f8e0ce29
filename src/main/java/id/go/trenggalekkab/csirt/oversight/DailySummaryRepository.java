package id.go.trenggalekkab.csirt.oversight;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The daily summary's SQL: what happened in the last day, and what is due by the next. */
@Repository
class DailySummaryRepository {

    /** The steps an officer acts in (the SOP's actor column, O). */
    private static final List<String> OFFICER_STEPS = Arrays.stream(CaseStep.values())
            .filter(s -> s.actor() == Role.OFFICER).map(Enum::name).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final Logbook logbook;

    DailySummaryRepository(NamedParameterJdbcTemplate jdbc, Logbook logbook) {
        this.jdbc = jdbc;
        this.logbook = logbook;
    }

    record CaseLine(String ticket, String subject, String step, Instant deadline, String assignee) {}

    /** Claims the day for this instance; false where it was claimed before. */
    boolean claim(LocalDate day, Instant at, boolean saidNothing) {
        return jdbc.update("""
                INSERT INTO daily_summary_sent (day, sent_at, said_nothing) VALUES (:day, :at, :nothing)
                ON CONFLICT (day) DO NOTHING
                """, new MapSqlParameterSource().addValue("day", day).addValue("at", Timestamp.from(at))
                .addValue("nothing", saidNothing)) == 1;
    }

    DailySummary.Figures figures(Instant from, Instant to, Instant dueBy) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to)).addValue("dueBy", Timestamp.from(dueBy))
                .addValue("officerSteps", OFFICER_STEPS);
        List<CaseLine> newCases = jdbc.query("""
                SELECT number, subject, status, NULL AS deadline, assignee FROM ticket
                 WHERE NOT automatic AND received_at >= :from AND received_at < :to ORDER BY received_at
                """, p, (rs, i) -> line(rs));
        List<CaseLine> dueSoon = jdbc.query("""
                SELECT t.number, t.subject, s.step AS status, s.deadline, t.assignee
                  FROM case_step s JOIN ticket t ON t.id = s.ticket_id
                 WHERE s.left_at IS NULL AND s.step IN (:officerSteps) AND s.deadline >= :to AND s.deadline < :dueBy
                 ORDER BY s.deadline
                """, p, (rs, i) -> line(rs));
        List<CaseLine> overdue = jdbc.query("""
                SELECT t.number, t.subject, s.step AS status, s.deadline, t.assignee
                  FROM case_step s JOIN ticket t ON t.id = s.ticket_id
                 WHERE s.left_at IS NULL AND s.deadline < :to ORDER BY s.deadline
                """, p, (rs, i) -> line(rs));
        return new DailySummary.Figures(to, newCases, dueSoon, overdue,
                count("SELECT count(*) FROM reporter_wait WHERE ended_at IS NULL AND asked_at < :to", p),
                count("SELECT count(*) FROM quarantine WHERE quarantined_at >= :from AND quarantined_at < :to", p),
                logbook.deliveryFailuresBetween(from, to),
                count("""
                        SELECT count(*) FROM message WHERE direction = 'IN' AND kind = 'FOLLOW_UP' AND automatic
                           AND received_at >= :from AND received_at < :to
                        """, p));
    }

    private static CaseLine line(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp deadline = rs.getTimestamp("deadline");
        return new CaseLine(rs.getString("number"), rs.getString("subject"), rs.getString("status"),
                deadline == null ? null : deadline.toInstant(), rs.getString("assignee"));
    }

    private long count(String sql, MapSqlParameterSource p) {
        Long n = jdbc.queryForObject(sql, p, Long.class);
        return n == null ? 0 : n;
    }
}
