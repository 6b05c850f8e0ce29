package id.go.trenggalekkab.csirt.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The outbox's SQL: outbound messages of a thread and their delivery state. */
@Repository
public class OutboxRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    OutboxRepository(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(Long ticketId, ComposedMail mail) {
        Timestamp now = Timestamp.from(clock.instant());
        MailDraft draft = mail.draft();
        Long messageRowId = jdbc.queryForObject("""
                INSERT INTO message (ticket_id, direction, kind, message_id, in_reply_to, references_ids,
                                     to_address, subject, body_text, received_at, raw, raw_sha256, raw_size)
                VALUES (:ticketId, 'OUT', :kind, :messageId, :inReplyTo, :references,
                        :to, :subject, :body, :now, :raw, :sha256, :size)
                RETURNING id
                """, new MapSqlParameterSource()
                .addValue("ticketId", ticketId)
                .addValue("kind", draft.kind())
                .addValue("messageId", mail.messageId())
                .addValue("inReplyTo", draft.inReplyTo())
                .addValue("references", draft.references() == null ? null : String.join(" ", draft.references()))
                .addValue("to", draft.toAddress())
                .addValue("subject", mail.subject())
                .addValue("body", draft.body())
                .addValue("now", now)
                .addValue("raw", mail.raw())
                .addValue("sha256", mail.sha256())
                .addValue("size", mail.raw().length), Long.class);
        jdbc.update("""
                INSERT INTO outbox (message_id, status, next_attempt_at, created_at)
                VALUES (:messageRowId, 'PENDING', :now, :now)
                """, new MapSqlParameterSource().addValue("messageRowId", messageRowId).addValue("now", now));
    }

    /** The oldest due mail, up to a batch, locked so that no other instance sends it meanwhile. */
    List<Pending> lockDue(int batchSize) {
        return jdbc.query("""
                SELECT o.id, o.attempts, m.ticket_id, m.kind, m.to_address, m.message_id, m.raw
                  FROM outbox o JOIN message m ON m.id = o.message_id
                 WHERE o.status = 'PENDING' AND o.next_attempt_at <= :now
                 ORDER BY o.id
                 LIMIT :batch
                   FOR UPDATE OF o SKIP LOCKED
                """, new MapSqlParameterSource("now", Timestamp.from(clock.instant())).addValue("batch", batchSize),
                (rs, i) -> new Pending(rs.getLong("id"), rs.getInt("attempts"), (Long) rs.getObject("ticket_id"),
                        rs.getString("kind"), rs.getString("to_address"), rs.getString("message_id"),
                        rs.getBytes("raw")));
    }

    void markSent(long outboxId) {
        jdbc.update("""
                UPDATE outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL
                 WHERE id = :id
                """, new MapSqlParameterSource().addValue("id", outboxId).addValue("now", Timestamp.from(clock.instant())));
    }

    void markAttemptFailed(long outboxId, String error, Instant nextAttempt, boolean giveUp) {
        jdbc.update("""
                UPDATE outbox SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                                  status = CASE WHEN :giveUp THEN 'FAILED' ELSE status END
                 WHERE id = :id
                """, new MapSqlParameterSource()
                .addValue("id", outboxId)
                .addValue("error", error)
                .addValue("next", Timestamp.from(nextAttempt))
                .addValue("giveUp", giveUp));
    }

    record Pending(long id, int attempts, Long ticketId, String kind, String toAddress, String messageId, byte[] raw) {}
}
