package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.system.ByteSource;
import id.go.trenggalekkab.csirt.system.StreamedParameter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The intake's SQL: inbound messages and their attachments written as evidence, and the
 * lookups that recognise a copy or place a message on its thread.
 */
@Repository
public class InboundMessageRepository {

    private final NamedParameterJdbcTemplate jdbc;

    InboundMessageRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the intake of one message across threads and instances, for the rest of
     * the transaction: two deliveries of one message cannot both pass the duplicate check.
     * The keys are locked in the order given, in one round trip; what they guard is read
     * after, in a statement of its own, which sees what committed while this one waited.
     */
    void lockMessageKeys(List<String> keys) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(key, 0)) FROM unnest(ARRAY[:keys]) AS key",
                new MapSqlParameterSource("keys", keys));
    }

    Optional<Long> ticketOfInboundBySha(String sha256) {
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
        Map<String, Long> known = new HashMap<>();
        jdbc.query("SELECT message_id, ticket_id FROM message WHERE message_id IN (:ids)",
                new MapSqlParameterSource("ids", messageIds),
                rs -> { known.putIfAbsent(rs.getString("message_id"), rs.getLong("ticket_id")); });
        return messageIds.stream().filter(known::containsKey).map(known::get).findFirst();
    }

    /** The ticket of the nearest of these Message-IDs that the desk itself sent. */
    public Optional<Long> ticketOfSentMessageId(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.queryForList("""
                SELECT ticket_id FROM message WHERE direction = 'OUT' AND message_id IN (:ids) AND ticket_id IS NOT NULL
                 ORDER BY id DESC LIMIT 1
                """, new MapSqlParameterSource("ids", messageIds), Long.class).stream().findFirst();
    }

    /** To whom the desk sent these messages. */
    List<String> recipientsOf(List<String> messageIds) {
        return jdbc.queryForList("""
                SELECT DISTINCT to_address FROM message WHERE direction = 'OUT' AND message_id IN (:ids)
                """, new MapSqlParameterSource("ids", messageIds), String.class);
    }

    long insertInbound(NewInboundMessage m) {
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
                .addValue("kind", m.kind().name())
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

    void insertAttachment(long messageRowId, String partPath, String filename, String contentType,
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

    record NewInboundMessage(long ticketId, MessageKind kind, String messageId, String inReplyTo, String references,
                             String fromName, String fromAddress, String subject, String bodyText,
                             Instant receivedAt, Instant serverReceivedAt, String automaticReason, String parseWarnings,
                             ByteSource raw, String sha256) {}
}
