package id.go.trenggalekkab.csirt.sla;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The time standards' SQL: open steps whose notice is due, and the notices sent (table {@code sla_notice}). */
@Repository
class SlaRepository {

    private final NamedParameterJdbcTemplate jdbc;

    SlaRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Open steps whose next notice is due, oldest due first, locked for this transaction;
     * steps another instance is holding are skipped, that instance sends their notices.
     */
    List<OverdueStep> lockDue(Instant now, int batch) {
        return jdbc.query("""
                SELECT s.id, s.ticket_id, s.step, s.entered_at, s.deadline, t.assignee
                  FROM case_step s JOIN ticket t ON t.id = s.ticket_id
                 WHERE s.left_at IS NULL AND s.next_notice_at IS NOT NULL AND s.next_notice_at <= :now
                 ORDER BY s.next_notice_at
                 LIMIT :batch
                   FOR UPDATE OF s SKIP LOCKED
                """, new MapSqlParameterSource()
                .addValue("now", Timestamp.from(now))
                .addValue("batch", batch),
                (rs, i) -> new OverdueStep(rs.getLong("id"), rs.getLong("ticket_id"), CaseStep.valueOf(rs.getString("step")),
                        rs.getTimestamp("entered_at").toInstant(), rs.getTimestamp("deadline").toInstant(),
                        rs.getString("assignee")));
    }

    /**
     * Claims one notice of one step visit: true for the one transaction, of all instances,
     * that inserts it; that one sends the mail, in the same transaction.
     */
    boolean claim(OverdueStep step, NoticeLevel level, Instant due, Instant now, String recipients) {
        return !jdbc.queryForList("""
                INSERT INTO sla_notice (case_step_id, ticket_id, level, due_at, created_at, recipients)
                VALUES (:stepId, :ticketId, :level, :due, :now, :to)
                ON CONFLICT (case_step_id, level) DO NOTHING
                RETURNING 1
                """, new MapSqlParameterSource()
                .addValue("stepId", step.id())
                .addValue("ticketId", step.ticketId())
                .addValue("level", level.stored())
                .addValue("due", Timestamp.from(due))
                .addValue("now", Timestamp.from(now))
                .addValue("to", recipients), Integer.class).isEmpty();
    }

    /** When the step's next notice falls due, or null where none is left. */
    void scheduleNext(OverdueStep step, Instant next) {
        jdbc.update("UPDATE case_step SET next_notice_at = :next WHERE id = :id", new MapSqlParameterSource()
                .addValue("id", step.id()).addValue("next", next == null ? null : Timestamp.from(next)));
    }
}
