package id.go.trenggalekkab.csirt.workflow;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Cases waiting for their reporter's answer to an officer's question (#tanya), table
 * {@code reporter_wait}. The wait is recorded beside the step's clock, never instead of it.
 */
@Repository
public class ReporterWaits {

    private final NamedParameterJdbcTemplate jdbc;

    ReporterWaits(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An open wait: who asked, and since when. */
    public record Wait(long id, String askedBy, Instant askedAt) {}

    /** Starts a wait; false where the case already waits (the first question's start stays). */
    boolean start(long ticketId, String step, String askedBy, Instant at) {
        return jdbc.update("""
                INSERT INTO reporter_wait (ticket_id, step, asked_at, asked_by) VALUES (:ticketId, :step, :at, :by)
                ON CONFLICT (ticket_id) WHERE ended_at IS NULL DO NOTHING
                """, new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("step", step)
                .addValue("at", Timestamp.from(at)).addValue("by", askedBy)) == 1;
    }

    public Optional<Wait> open(long ticketId) {
        return jdbc.query("""
                SELECT id, asked_by, asked_at FROM reporter_wait WHERE ticket_id = :ticketId AND ended_at IS NULL
                """, new MapSqlParameterSource("ticketId", ticketId),
                (rs, i) -> new Wait(rs.getLong("id"), rs.getString("asked_by"), rs.getTimestamp("asked_at").toInstant()))
                .stream().findFirst();
    }

    /** Ends the case's open wait, if any, with this answer (null: ended without one); returns how long it was. */
    Optional<Duration> end(long ticketId, Long answerMessageRowId, Instant at) {
        Optional<Wait> wait = open(ticketId);
        wait.ifPresent(w -> jdbc.update("""
                UPDATE reporter_wait SET ended_at = :at, answer_message_id = :answer WHERE id = :id
                """, new MapSqlParameterSource().addValue("id", w.id()).addValue("at", Timestamp.from(at))
                .addValue("answer", answerMessageRowId)));
        return wait.map(w -> Duration.between(w.askedAt(), at));
    }
}
