package id.go.trenggalekkab.csirt.outbound;

import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.system.PlannedEachRun;
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

    /** Mail up to this size is read with the batch that sends it, in the same statement. */
    static final int READ_WITH_THE_BATCH = 256 * 1024;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate plannedEachRun;
    private final Clock clock;

    OutboxRepository(NamedParameterJdbcTemplate jdbc, PlannedEachRun plannedEachRun, Clock clock) {
        this.jdbc = jdbc;
        this.plannedEachRun = plannedEachRun.jdbc();
        this.clock = clock;
    }

    void insert(Long ticketId, ComposedMail mail) {
        Timestamp now = Timestamp.from(clock.instant());
        MailDraft draft = mail.draft();
        // the stored mail and its place in the outbox in one statement: one round trip, not two
        jdbc.update("""
                WITH stored AS (
                    INSERT INTO message (ticket_id, direction, kind, message_id, in_reply_to, references_ids,
                                         to_address, subject, body_text, received_at, raw, raw_sha256, raw_size)
                    VALUES (:ticketId, 'OUT', :kind, :messageId, :inReplyTo, :references,
                            :to, :subject, :body, :now, :raw, :sha256, :size)
                    RETURNING id
                )
                INSERT INTO outbox (message_id, status, next_attempt_at, created_at)
                SELECT id, 'PENDING', :now, :now FROM stored
                """, new MapSqlParameterSource()
                .addValue("ticketId", ticketId)
                .addValue("kind", draft.kind().name())
                .addValue("messageId", mail.messageId())
                .addValue("inReplyTo", draft.inReplyTo())
                .addValue("references", draft.references() == null ? null : String.join(" ", draft.references()))
                .addValue("to", draft.toAddress())
                .addValue("subject", mail.subject())
                .addValue("body", draft.body())
                .addValue("now", now)
                .addValue("raw", mail.raw())
                .addValue("sha256", mail.sha256())
                .addValue("size", mail.raw().length));
    }

    /** The Message-IDs of a case's thread, both directions, oldest first: what a new mail on the case refers to. */
    List<String> threadOf(long ticketId) {
        return jdbc.queryForList("""
                SELECT message_id FROM message WHERE ticket_id = :ticketId AND message_id IS NOT NULL ORDER BY id
                """, new MapSqlParameterSource("ticketId", ticketId), String.class);
    }

    /**
     * The oldest due mail, up to a batch, locked so that no other instance sends it
     * meanwhile. NO KEY UPDATE, so that a delivery receipt (whose foreign key takes a key
     * share lock) can be committed for a locked row from another transaction. The bytes of
     * a mail up to {@link #READ_WITH_THE_BATCH} come with it (an acknowledgement, a
     * briefing: a few kilobytes); larger ones are read as they are sent.
     */
    List<Pending> lockDue(int batchSize) {
        return jdbc.query("""
                SELECT o.id, o.attempts, o.created_at, m.ticket_id, m.kind, m.to_address, m.message_id, m.id AS message_row,
                       CASE WHEN m.raw_size <= :inline THEN m.raw END AS raw
                  FROM outbox o JOIN message m ON m.id = o.message_id
                 WHERE o.status = 'PENDING' AND o.next_attempt_at <= :now
                   -- OFFSET 0 keeps this a look-up of each due mail's receipt by its key: joined as an
                   -- anti-join, a plan guessing many mail due read every receipt ever written (600 rows
                   -- per report in a flood, growing with the desk's age)
                   AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.outbox_id = o.id OFFSET 0)
                 ORDER BY o.id
                 LIMIT :batch
                   FOR NO KEY UPDATE OF o SKIP LOCKED
                """, new MapSqlParameterSource("now", Timestamp.from(clock.instant())).addValue("batch", batchSize)
                        .addValue("inline", READ_WITH_THE_BATCH),
                (rs, i) -> new Pending(rs.getLong("id"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                        (Long) rs.getObject("ticket_id"),
                        MessageKind.valueOf(rs.getString("kind")), rs.getString("to_address"), rs.getString("message_id"),
                        rs.getLong("message_row"), rs.getBytes("raw")));
    }

    /**
     * The stored bytes of one due mail, read as it is sent where the batch did not bring
     * them: a batch of case files, each carrying up to 20 MB of evidence, is never in
     * memory all at once.
     */
    byte[] rawOf(Pending mail) {
        return mail.raw() != null ? mail.raw() : jdbc.queryForObject("SELECT raw FROM message WHERE id = :id",
                new MapSqlParameterSource("id", mail.messageRow()), byte[].class);
    }

    /** The server accepted the mail: its receipt, committed by the caller at once, alone. */
    void recordDelivery(long outboxId) {
        jdbc.update("INSERT INTO outbox_delivery (outbox_id, delivered_at) VALUES (:id, :now)",
                new MapSqlParameterSource().addValue("id", outboxId).addValue("now", Timestamp.from(clock.instant())));
    }

    /** Marks SENT the mails of this batch the server accepted, by their receipts; returns them. */
    List<Settled> settle(List<Long> accepted) {
        if (accepted.isEmpty()) {
            return List.of();
        }
        // planned each run: a generic plan kept from a small outbox read all of it for the batch's few ids
        // (SentMailSettledByIdTest, 5,122 rows for one id, in one CI run)
        return settled(plannedEachRun, "o.id = ANY(:ids)", new MapSqlParameterSource("ids", accepted.toArray(Long[]::new)));
    }

    /**
     * Marks SENT every pending mail with a delivery receipt that no batch settled: mail a desk
     * accepted at the server and then died before settling. Rows another instance holds are
     * skipped; that instance settles them itself.
     */
    List<Settled> settleStranded() {
        // planned each run: a plan made on a new desk's few rows scanned the whole outbox
        return settled(plannedEachRun, """
                o.id IN (SELECT p.id FROM outbox p JOIN outbox_delivery pd ON pd.outbox_id = p.id
                          WHERE p.status = 'PENDING'
                            FOR NO KEY UPDATE OF p SKIP LOCKED)
                """, new MapSqlParameterSource());
    }

    private static List<Settled> settled(NamedParameterJdbcTemplate sql, String which, MapSqlParameterSource parameters) {
        return sql.query("""
                UPDATE outbox o SET status = 'SENT', attempts = o.attempts + 1, sent_at = d.delivered_at, last_error = NULL
                  FROM outbox_delivery d, message m
                 WHERE d.outbox_id = o.id AND m.id = o.message_id AND o.status = 'PENDING' AND %s
                RETURNING o.id, o.attempts, d.delivered_at, m.ticket_id, m.kind, m.to_address, m.message_id
                """.formatted(which), parameters,
                (rs, i) -> new Settled(rs.getLong("id"), rs.getInt("attempts"), rs.getTimestamp("delivered_at").toInstant(),
                        (Long) rs.getObject("ticket_id"), MessageKind.valueOf(rs.getString("kind")),
                        rs.getString("to_address"), rs.getString("message_id")));
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

    /** @param raw the mail's bytes where the batch brought them, else null */
    record Pending(long id, int attempts, Instant createdAt, Long ticketId, MessageKind kind, String toAddress, String messageId,
                   long messageRow, byte[] raw) {}

    /** A mail marked SENT: its attempts, this one included, and when the server took it. */
    record Settled(long id, int attempts, Instant deliveredAt, Long ticketId, MessageKind kind, String toAddress,
                   String messageId) {}

    /**
     * What the outbox holds back, for health and metrics alike; each part read through its
     * partial index, never the sent mail.
     *
     * @param pending       mail waiting to go
     * @param failed        mail given up after its retries
     * @param oldestSeconds how long the oldest waiting mail has waited (0 with none)
     */
    public record Backlog(long pending, long failed, long oldestSeconds) {}

    public Backlog backlog() {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM outbox WHERE status = 'PENDING'),
                       (SELECT count(*) FROM outbox WHERE status = 'FAILED'),
                       (SELECT coalesce(extract(epoch FROM (now() - min(created_at))), 0) FROM outbox WHERE status = 'PENDING')
                """, new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(),
                (rs, i) -> new Backlog(rs.getLong(1), rs.getLong(2), (long) rs.getDouble(3)));
    }
}
