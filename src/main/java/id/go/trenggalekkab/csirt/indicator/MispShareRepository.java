package id.go.trenggalekkab.csirt.indicator;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The #bagikan queue's SQL (table {@code misp_share}). */
@Repository
class MispShareRepository {

    private final NamedParameterJdbcTemplate jdbc;

    MispShareRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A request waiting to be pushed, claimed by one instance for one attempt. */
    record Claimed(long id, long ticketId, String requestedBy, int attempts) {}

    /** False where the case has a request waiting already. */
    boolean request(long ticketId, String officer, Instant at) {
        return jdbc.update("""
                INSERT INTO misp_share (ticket_id, requested_by, requested_at, status, next_attempt_at)
                VALUES (:ticket, :officer, :at, 'PENDING', :at)
                ON CONFLICT (ticket_id) WHERE status = 'PENDING' DO NOTHING
                """, new MapSqlParameterSource("ticket", ticketId).addValue("officer", officer)
                .addValue("at", Timestamp.from(at))) == 1;
    }

    /**
     * The oldest due request, its attempt counted and its next one set a lease ahead, so that
     * another instance (or this one, after a crash mid-push) takes it up only once the lease
     * is over; empty where none is due.
     */
    Optional<Claimed> claimDue(Instant now, Instant leaseUntil) {
        return jdbc.query("""
                UPDATE misp_share SET attempts = attempts + 1, next_attempt_at = :lease
                 WHERE id = (SELECT id FROM misp_share WHERE status = 'PENDING' AND next_attempt_at <= :now
                              ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, ticket_id, requested_by, attempts
                """, new MapSqlParameterSource("now", Timestamp.from(now)).addValue("lease", Timestamp.from(leaseUntil)),
                (rs, i) -> new Claimed(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("requested_by"),
                        rs.getInt("attempts"))).stream().findFirst();
    }

    /** The end of a request: SENT with the event's id, REFUSED or FAILED with why. */
    void finish(long id, String status, String eventId, String error, Instant at) {
        jdbc.update("""
                UPDATE misp_share SET status = :status, event_id = :event, last_error = :error, done_at = :at,
                                      next_attempt_at = NULL
                 WHERE id = :id
                """, new MapSqlParameterSource("id", id).addValue("status", status).addValue("event", eventId)
                .addValue("error", error).addValue("at", Timestamp.from(at)));
    }

    void retryAt(long id, String error, Instant next) {
        jdbc.update("UPDATE misp_share SET last_error = :error, next_attempt_at = :next WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("error", error).addValue("next", Timestamp.from(next)));
    }
}
