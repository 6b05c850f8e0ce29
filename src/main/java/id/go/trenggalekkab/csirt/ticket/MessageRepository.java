package id.go.trenggalekkab.csirt.ticket;

import id.go.trenggalekkab.csirt.system.ByteSource;
import id.go.trenggalekkab.csirt.system.StreamedParameter;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The ticket feature's SQL for the messages of a thread and their attachments: the evidence. */
@Repository
public class MessageRepository {

    static final int RAW_SLICE = 1 << 20;

    private final NamedParameterJdbcTemplate jdbc;

    MessageRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the intake of one message across threads and instances, for the rest of
     * the transaction: two deliveries of one message cannot both pass the duplicate check.
     */
    public void lockMessageKey(String key) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))",
                new MapSqlParameterSource("key", key));
    }

    public Optional<Long> ticketOfInboundBySha(String sha256) {
        return jdbc.queryForList("SELECT ticket_id FROM message WHERE dedup_key = :key",
                new MapSqlParameterSource("key", "sha256:" + sha256), Long.class).stream().findFirst();
    }

    public Optional<Long> ticketOfInboundMessageId(String messageId) {
        return jdbc.queryForList("""
                SELECT ticket_id FROM message WHERE message_id = :messageId AND direction = 'IN' ORDER BY id LIMIT 1
                """, new MapSqlParameterSource("messageId", messageId), Long.class).stream().findFirst();
    }

    /**
     * The ticket of the nearest message, in either direction, that these Message-IDs name
     * (the list is nearest first). One query, however long the References chain.
     */
    public Optional<Long> ticketOfAnyMessageId(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<String, Long> known = new java.util.HashMap<>();
        jdbc.query("SELECT message_id, ticket_id FROM message WHERE message_id IN (:ids)",
                new MapSqlParameterSource("ids", messageIds),
                rs -> { known.putIfAbsent(rs.getString("message_id"), rs.getLong("ticket_id")); });
        return messageIds.stream().filter(known::containsKey).map(known::get).findFirst();
    }

    public long insertInbound(NewInboundMessage m) {
        return StreamedParameter.bind(m.raw(), raw -> jdbc.queryForObject("""
                INSERT INTO message (ticket_id, direction, kind, dedup_key, message_id, in_reply_to, references_ids,
                                     from_name, from_address, subject, body_text, received_at, server_received_at,
                                     automatic, automatic_reason, parse_warnings, raw, raw_sha256, raw_size)
                VALUES (:ticketId, 'IN', :kind, :dedupKey, :messageId, :inReplyTo, :references,
                        :fromName, :fromAddress, :subject, :body, :receivedAt, :serverReceivedAt, :automatic,
                        :automaticReason, :warnings, :raw, :sha256, :size)
                RETURNING id
                """, new MapSqlParameterSource()
                .addValue("ticketId", m.ticketId())
                .addValue("kind", m.kind())
                .addValue("dedupKey", "sha256:" + m.sha256())
                .addValue("messageId", m.messageId())
                .addValue("inReplyTo", m.inReplyTo())
                .addValue("references", m.references())
                .addValue("fromName", m.fromName())
                .addValue("fromAddress", m.fromAddress())
                .addValue("subject", m.subject())
                .addValue("body", m.bodyText())
                .addValue("receivedAt", Timestamp.from(m.receivedAt()))
                .addValue("serverReceivedAt", m.serverReceivedAt() == null ? null : Timestamp.from(m.serverReceivedAt()))
                .addValue("automatic", m.automaticReason() != null)
                .addValue("automaticReason", m.automaticReason())
                .addValue("warnings", m.parseWarnings())
                .addValue("raw", raw)
                .addValue("sha256", m.sha256())
                .addValue("size", m.raw().size()), Long.class));
    }

    public void insertAttachment(long messageRowId, String partPath, String filename, String contentType,
                                 String disposition, String contentId, ByteSource content, String sha256) {
        StreamedParameter.bind(content, stream -> jdbc.update("""
                INSERT INTO attachment (message_id, part_path, filename, content_type, disposition, content_id,
                                        size, sha256, content)
                VALUES (:messageId, :partPath, :filename, :contentType, :disposition, :contentId,
                        :size, :sha256, :content)
                """, new MapSqlParameterSource()
                .addValue("messageId", messageRowId)
                .addValue("partPath", partPath)
                .addValue("filename", filename)
                .addValue("contentType", contentType)
                .addValue("disposition", disposition)
                .addValue("contentId", contentId)
                .addValue("size", content.size())
                .addValue("sha256", sha256)
                .addValue("content", stream)));
    }

    /** Acknowledgements queued to this address since the given time: the per-sender hourly limit. */
    public int acknowledgementsTo(String address, Instant since) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM message
                 WHERE kind = 'ACKNOWLEDGEMENT' AND to_address = :address AND received_at > :since
                """, new MapSqlParameterSource()
                .addValue("address", address)
                .addValue("since", Timestamp.from(since)), Integer.class);
    }

    public List<MessageSummary> forTicket(long ticketId) {
        return jdbc.query("""
                SELECT id, direction, kind, message_id, from_name, from_address, to_address, subject, received_at,
                       automatic, automatic_reason, raw_sha256, raw_size
                  FROM message WHERE ticket_id = :ticketId ORDER BY id
                """, new MapSqlParameterSource("ticketId", ticketId),
                (rs, i) -> new MessageSummary(rs.getLong("id"), rs.getString("direction"), rs.getString("kind"),
                        rs.getString("message_id"), rs.getString("from_name"), rs.getString("from_address"),
                        rs.getString("to_address"), rs.getString("subject"), rs.getTimestamp("received_at").toInstant(),
                        rs.getBoolean("automatic"), rs.getString("automatic_reason"), rs.getString("raw_sha256"),
                        rs.getLong("raw_size")));
    }

    public List<AttachmentSummary> attachmentsForTicket(long ticketId) {
        return jdbc.query("""
                SELECT a.id, a.message_id, a.filename, a.content_type, a.size, a.sha256
                  FROM attachment a JOIN message m ON m.id = a.message_id
                 WHERE m.ticket_id = :ticketId ORDER BY a.id
                """, new MapSqlParameterSource("ticketId", ticketId),
                (rs, i) -> new AttachmentSummary(rs.getLong("id"), rs.getLong("message_id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256")));
    }

    /** The size of a message's stored bytes, where the message belongs to the ticket. */
    public Optional<Long> rawSize(long ticketId, long messageRowId) {
        return jdbc.query("SELECT raw_size FROM message WHERE id = :id AND ticket_id = :ticketId",
                new MapSqlParameterSource().addValue("id", messageRowId).addValue("ticketId", ticketId),
                (rs, i) -> rs.getLong("raw_size")).stream().findFirst();
    }

    /**
     * Writes a message's stored bytes in slices of {@link #RAW_SLICE} (bytea's substring):
     * the driver would otherwise hold a whole 100 MB report in memory, twice.
     */
    public void writeRaw(long messageRowId, long size, OutputStream out) throws IOException {
        for (long from = 0; from < size; from += RAW_SLICE) {
            byte[] slice = jdbc.queryForObject("SELECT substring(raw FROM :from FOR :length) FROM message WHERE id = :id",
                    new MapSqlParameterSource().addValue("id", messageRowId).addValue("from", Math.toIntExact(from + 1))
                            .addValue("length", RAW_SLICE), byte[].class);
            out.write(slice);
        }
    }

    /**
     * The evidence of a ticket: each inbound message as received (.eml) and each of its
     * attachments, oldest first, with hashes; the bytes only while the running total stays
     * within {@code maxBytes}, so a hand-over mail stays deliverable.
     */
    public List<Evidence> evidence(long ticketId, long maxBytes) {
        List<Evidence> all = new java.util.ArrayList<>();
        long[] total = {0};
        jdbc.query("""
                SELECT 'message-' || m.id || '.eml' AS filename, 'message/rfc822' AS content_type, m.raw_size AS size,
                       m.raw_sha256 AS sha256, m.id AS message_row, 0 AS attachment_row
                  FROM message m WHERE m.ticket_id = :ticketId AND m.direction = 'IN'
                UNION ALL
                SELECT coalesce(a.filename, 'part-' || a.part_path), a.content_type, a.size, a.sha256, m.id, a.id
                  FROM attachment a JOIN message m ON m.id = a.message_id
                 WHERE m.ticket_id = :ticketId AND m.direction = 'IN'
                 ORDER BY message_row, attachment_row
                """, new MapSqlParameterSource("ticketId", ticketId), rs -> {
            long size = rs.getLong("size");
            boolean fits = total[0] + size <= maxBytes;
            if (fits) {
                total[0] += size;
            }
            all.add(new Evidence(rs.getString("filename"), rs.getString("content_type"), size, rs.getString("sha256"),
                    fits ? rs.getLong("message_row") : null, fits ? rs.getLong("attachment_row") : null));
        });
        return all;
    }

    /** The bytes of one piece of {@link #evidence}: a raw message, or an attachment. */
    public byte[] evidenceBytes(Evidence e) {
        return e.attachmentRow() == 0
                ? jdbc.queryForObject("SELECT raw FROM message WHERE id = :id",
                        new MapSqlParameterSource("id", e.messageRow()), byte[].class)
                : jdbc.queryForObject("SELECT content FROM attachment WHERE id = :id",
                        new MapSqlParameterSource("id", e.attachmentRow()), byte[].class);
    }

    /** The text of the report that opened the ticket. */
    public String reportText(long ticketId) {
        return jdbc.queryForList("""
                SELECT body_text FROM message WHERE ticket_id = :ticketId AND kind = 'REPORT' ORDER BY id LIMIT 1
                """, new MapSqlParameterSource("ticketId", ticketId), String.class)
                .stream().findFirst().orElse("");
    }

    /** To whom the desk sent these messages. */
    public List<String> recipientsOf(List<String> messageIds) {
        return jdbc.queryForList("""
                SELECT DISTINCT to_address FROM message WHERE direction = 'OUT' AND message_id IN (:ids)
                """, new MapSqlParameterSource("ids", messageIds), String.class);
    }

    /** The Message-IDs of a ticket's thread, oldest first: what a new mail on the case refers to. */
    public List<String> threadOf(long ticketId) {
        return jdbc.queryForList("""
                SELECT message_id FROM message WHERE ticket_id = :ticketId AND message_id IS NOT NULL ORDER BY id
                """, new MapSqlParameterSource("ticketId", ticketId), String.class);
    }

    /**
     * @param messageRow    null where the bytes were left out for size
     * @param attachmentRow 0 for the raw message itself
     */
    public record Evidence(String filename, String contentType, long size, String sha256, Long messageRow,
                           Long attachmentRow) {

        public boolean attached() {
            return messageRow != null;
        }
    }

    public record NewInboundMessage(long ticketId, String kind, String messageId, String inReplyTo, String references,
                                    String fromName, String fromAddress, String subject, String bodyText,
                                    Instant receivedAt, Instant serverReceivedAt, String automaticReason, String parseWarnings,
                                    ByteSource raw, String sha256) {}

    public record MessageSummary(long id, String direction, String kind, String messageId, String fromName,
                                 String fromAddress, String toAddress, String subject, Instant receivedAt,
                                 boolean automatic, String automaticReason, String sha256, long size) {}

    public record AttachmentSummary(long id, long messageId, String filename, String contentType, long size,
                                    String sha256) {}
}
