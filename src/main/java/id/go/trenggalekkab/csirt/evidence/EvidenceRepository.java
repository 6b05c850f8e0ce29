package id.go.trenggalekkab.csirt.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reading a case's evidence: the messages of its thread as stored (raw bytes, hashes) and
 * their attachments. What the intake wrote is only ever read here, never changed.
 */
@Repository
public class EvidenceRepository {

    static final int RAW_SLICE = 1 << 20;

    private final NamedParameterJdbcTemplate jdbc;

    EvidenceRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The evidence of a ticket: each inbound message as received (.eml) and each of its
     * attachments, oldest first, with hashes; the bytes only while the running total stays
     * within {@code maxBytes}, so a hand-over mail stays deliverable.
     */
    public List<Evidence> evidence(long ticketId, long maxBytes) {
        return collect("""
                SELECT 'message-' || m.id || '.eml' AS filename, 'message/rfc822' AS content_type, m.raw_size AS size,
                       m.raw_sha256 AS sha256, m.id AS message_row, 0 AS attachment_row
                  FROM message m WHERE m.ticket_id = :ticketId AND m.direction = 'IN'
                UNION ALL
                SELECT coalesce(a.filename, 'part-' || a.part_path), a.content_type, a.size, a.sha256, m.id, a.id
                  FROM attachment a JOIN message m ON m.id = a.message_id
                 WHERE m.ticket_id = :ticketId AND m.direction = 'IN'
                 ORDER BY message_row, attachment_row
                """, new MapSqlParameterSource("ticketId", ticketId), maxBytes);
    }

    /**
     * What the reporter sent and nothing else: the attachments of their report and of their
     * follow-ups (never a note of the desk's own, a stranger's mail or automatic mail), and,
     * where asked for, those messages themselves as received. Oldest first, with hashes; the
     * bytes only while the running total stays within {@code maxBytes}.
     */
    public List<Evidence> reporterEvidence(long ticketId, String reporterAddress, boolean withMessages, long maxBytes) {
        return collect("""
                WITH reporters AS (
                    SELECT m.id, m.raw_size, m.raw_sha256 FROM message m
                     WHERE m.ticket_id = :ticketId AND m.direction = 'IN' AND m.kind IN ('REPORT', 'FOLLOW_UP')
                       AND lower(m.from_address) = lower(:reporter) AND NOT m.automatic
                       AND NOT EXISTS (SELECT 1 FROM non_participant_message n WHERE n.message_id = m.id))
                SELECT 'laporan-' || r.id || '.eml' AS filename, 'message/rfc822' AS content_type, r.raw_size AS size,
                       r.raw_sha256 AS sha256, r.id AS message_row, 0 AS attachment_row
                  FROM reporters r WHERE :withMessages
                UNION ALL
                SELECT coalesce(a.filename, 'part-' || a.part_path), a.content_type, a.size, a.sha256, r.id, a.id
                  FROM attachment a JOIN reporters r ON r.id = a.message_id
                 ORDER BY message_row, attachment_row
                """, new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("reporter", reporterAddress)
                .addValue("withMessages", withMessages), maxBytes);
    }

    /** Evidence rows in order, their bytes kept only while the running total stays within {@code maxBytes}. */
    private List<Evidence> collect(String sql, MapSqlParameterSource parameters, long maxBytes) {
        List<Evidence> all = new ArrayList<>();
        long[] total = {0};
        jdbc.query(sql, parameters, rs -> {
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
    public byte[] bytes(Evidence e) {
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

    /** Every message of the thread, both directions, oldest first. */
    public List<MessageSummary> messages(long ticketId) {
        return jdbc.query("""
                SELECT m.id, m.direction, m.kind, m.message_id, m.from_name, m.from_address, m.to_address, m.subject,
                       m.received_at, m.automatic, m.automatic_reason, m.raw_sha256, m.raw_size,
                       EXISTS (SELECT 1 FROM non_participant_message n WHERE n.message_id = m.id) AS non_participant
                  FROM message m WHERE m.ticket_id = :ticketId ORDER BY m.id
                """, new MapSqlParameterSource("ticketId", ticketId),
                (rs, i) -> new MessageSummary(rs.getLong("id"), rs.getString("direction"), rs.getString("kind"),
                        rs.getString("message_id"), rs.getString("from_name"), rs.getString("from_address"),
                        rs.getString("to_address"), rs.getString("subject"), rs.getTimestamp("received_at").toInstant(),
                        rs.getBoolean("automatic"), rs.getString("automatic_reason"), rs.getString("raw_sha256"),
                        rs.getLong("raw_size"), rs.getBoolean("non_participant")));
    }

    public List<AttachmentSummary> attachments(long ticketId) {
        return jdbc.query("""
                SELECT a.id, a.message_id, a.filename, a.content_type, a.size, a.sha256
                  FROM attachment a JOIN message m ON m.id = a.message_id
                 WHERE m.ticket_id = :ticketId ORDER BY a.id
                """, new MapSqlParameterSource("ticketId", ticketId),
                (rs, i) -> new AttachmentSummary(rs.getLong("id"), rs.getLong("message_id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256")));
    }

    /** Each message's text as the desk read it (HTML mail as its text), by message row id. */
    public Map<Long, String> texts(long ticketId) {
        Map<Long, String> texts = new HashMap<>();
        jdbc.query("SELECT id, body_text FROM message WHERE ticket_id = :ticketId",
                new MapSqlParameterSource("ticketId", ticketId),
                rs -> {
                    texts.put(rs.getLong("id"), rs.getString("body_text") == null ? "" : rs.getString("body_text"));
                });
        return texts;
    }

    /** An attachment of the ticket, where it is one. */
    public Optional<AttachmentSummary> attachment(long ticketId, long attachmentId) {
        return attachments(ticketId).stream().filter(a -> a.id() == attachmentId).findFirst();
    }

    /** Writes an attachment's stored bytes in slices, as {@link #writeRaw} does a message's. */
    public void writeAttachment(long attachmentId, long size, OutputStream out) throws IOException {
        writeSlices("SELECT substring(content FROM :from FOR :length) FROM attachment WHERE id = :id", attachmentId, size, out);
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
        writeSlices("SELECT substring(raw FROM :from FOR :length) FROM message WHERE id = :id", messageRowId, size, out);
    }

    private void writeSlices(String sliceQuery, long id, long size, OutputStream out) throws IOException {
        for (long from = 0; from < size; from += RAW_SLICE) {
            byte[] slice = jdbc.queryForObject(sliceQuery, new MapSqlParameterSource().addValue("id", id)
                    .addValue("from", Math.toIntExact(from + 1)).addValue("length", RAW_SLICE), byte[].class);
            out.write(slice);
        }
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

    /** @param nonParticipant a stranger's mail on the case: kept, without effect */
    public record MessageSummary(long id, String direction, String kind, String messageId, String fromName,
                                 String fromAddress, String toAddress, String subject, Instant receivedAt,
                                 boolean automatic, String automaticReason, String sha256, long size,
                                 boolean nonParticipant) {}

    public record AttachmentSummary(long id, long messageId, String filename, String contentType, long size,
                                    String sha256) {}
}
