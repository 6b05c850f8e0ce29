package id.go.trenggalekkab.csirt.logbook;

import id.go.trenggalekkab.csirt.sop.MessageKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Logbook Keamanan Siber: the SOP's record of every action on every case. Entries are
 * only ever added; the database refuses updates and deletes. An entry written inside a
 * transaction stands or falls with what it records.
 */
@Component
public class Logbook {

    /** The desk itself, as the actor of what it does without a person. */
    public static final String SYSTEM = "maildesk";

    private static final String INSERT = """
            INSERT INTO logbook (at, actor, ticket_id, event, detail)
            VALUES (:at, :actor, :ticketId, :event, :detail)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public Logbook(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param ticketId null for what concerns the desk rather than one case */
    public void record(Long ticketId, String actor, LogbookEvent event, String detail) {
        insert(ticketId, actor, event.name(), detail);
    }

    /** What became of one mail the desk meant to send, by the desk itself: {@code CASE_FILE_SENT}. */
    public void recordMail(Long ticketId, MessageKind kind, MailStage stage, String detail) {
        insert(ticketId, SYSTEM, mailEvent(kind, stage), detail);
    }

    /**
     * What became of several mails, each at its own time (the outbox's receipts), by the desk
     * itself: one round trip for all of them.
     */
    public void recordMails(List<MailEvent> mails) {
        if (!mails.isEmpty()) {
            jdbc.batchUpdate(INSERT, mails.stream().map(mail -> entry(mail.at(), mail.ticketId(), SYSTEM,
                    mailEvent(mail.kind(), mail.stage()), mail.detail())).toArray(MapSqlParameterSource[]::new));
        }
    }

    /** {@code CASE_FILE_SENT}: what became of a mail, as the logbook names it. */
    private static String mailEvent(MessageKind kind, MailStage stage) {
        return kind.name() + "_" + stage.name();
    }

    private void insert(Long ticketId, String actor, String event, String detail) {
        jdbc.update(INSERT, entry(clock.instant(), ticketId, actor, event, detail));
    }

    private static MapSqlParameterSource entry(Instant at, Long ticketId, String actor, String event, String detail) {
        return new MapSqlParameterSource()
                .addValue("at", Timestamp.from(at))
                .addValue("actor", actor == null ? "unknown" : actor)
                .addValue("ticketId", ticketId)
                .addValue("event", event)
                .addValue("detail", detail);
    }

    public List<Entry> forTicket(long ticketId) {
        return jdbc.query("""
                SELECT id, at, actor, event, detail FROM logbook WHERE ticket_id = :ticketId ORDER BY id
                """, new MapSqlParameterSource("ticketId", ticketId),
                (rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("event"), rs.getString("detail")));
    }

    /** One mail's outcome at a given time, for {@link #recordMails}. */
    public record MailEvent(Instant at, Long ticketId, MessageKind kind, MailStage stage, String detail) {}

    /** @param event as stored: a {@link LogbookEvent} or a {@code <KIND>_<STAGE>} of mail */
    public record Entry(long id, Instant at, String actor, String event, String detail) {}
}
