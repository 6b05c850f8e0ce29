package id.go.trenggalekkab.csirt.logbook;

import id.go.trenggalekkab.csirt.sop.MessageKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Logbook Keamanan Siber: the SOP's record of every action on every case. Entries are
 * only ever added; the database refuses updates and deletes. An entry written inside a
 * transaction stands or falls with what it records.
 *
 * <p>Inside a transaction, entries are written together as it commits, in the order they
 * were recorded, each with the time it was recorded: one round trip instead of one per
 * entry (a new report with three mails to send records five). What the transaction reads
 * of the logbook ({@link #forTicket}, {@link #countSince}...) includes them: the logbook
 * table is read here only (ModuleStructureTest), and every read writes what is waiting first.
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
        if (mails.isEmpty()) {
            return;
        }
        add(mails.stream().map(mail -> entry(mail.at(), mail.ticketId(), SYSTEM,
                mailEvent(mail.kind(), mail.stage()), mail.detail())).toList());
    }

    /** {@code CASE_FILE_SENT}: what became of a mail, as the logbook names it. */
    private static String mailEvent(MessageKind kind, MailStage stage) {
        return kind.name() + "_" + stage.name();
    }

    private void insert(Long ticketId, String actor, String event, String detail) {
        add(List.of(entry(clock.instant(), ticketId, actor, event, detail)));
    }

    /** To the transaction's waiting entries, or written at once outside a transaction (one round trip). */
    private void add(List<MapSqlParameterSource> entries) {
        Waiting waiting = waiting();
        if (waiting != null) {
            waiting.entries.addAll(entries);
        } else if (entries.size() == 1) {
            jdbc.update(INSERT, entries.get(0));
        } else {
            jdbc.batchUpdate(INSERT, entries.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** Where this thread's transaction keeps the entries it has not written yet; null outside one, or as it commits. */
    private Waiting waiting() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Waiting waiting = (Waiting) TransactionSynchronizationManager.getResource(this);
        if (waiting == null) {
            waiting = new Waiting();
            TransactionSynchronizationManager.bindResource(this, waiting);
            TransactionSynchronizationManager.registerSynchronization(waiting);
        }
        return waiting.written ? null : waiting;
    }

    /** Writes what this thread's transaction recorded so far, before the logbook is read in it. */
    private void writeWaiting() {
        Waiting waiting = (Waiting) TransactionSynchronizationManager.getResource(this);
        if (waiting != null) {
            waiting.write();
        }
    }

    /**
     * One transaction's entries not yet written. Written last before the commit (lowest
     * precedence; an entry recorded after that, by another synchronisation as the
     * transaction commits, is written at once), and set aside with the transaction while
     * another suspends it.
     */
    private final class Waiting implements TransactionSynchronization {
        private final List<MapSqlParameterSource> entries = new ArrayList<>();
        private boolean written;

        void write() {
            if (!entries.isEmpty()) {
                jdbc.batchUpdate(INSERT, entries.toArray(MapSqlParameterSource[]::new));
                entries.clear();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write();
            written = true;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(Logbook.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(Logbook.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Logbook.this);
        }
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
        writeWaiting();
        return jdbc.query("""
                SELECT id, at, actor, event, detail FROM logbook WHERE ticket_id = :ticketId ORDER BY id
                """, new MapSqlParameterSource("ticketId", ticketId), Logbook::entry);
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("event"), rs.getString("detail"));
    }

    /** The latest entry of an event, on any case or none, this transaction's own included. */
    public Optional<Entry> latest(LogbookEvent event) {
        writeWaiting();
        return jdbc.query("""
                SELECT id, at, actor, event, detail FROM logbook WHERE event = :event ORDER BY id DESC LIMIT 1
                """, new MapSqlParameterSource("event", event.name()), Logbook::entry).stream().findFirst();
    }

    /** How many {@code event} entries a case has had since a given time, this transaction's own included. */
    public int countSince(long ticketId, LogbookEvent event, Instant since) {
        writeWaiting();
        return jdbc.queryForObject("""
                SELECT count(*) FROM logbook WHERE ticket_id = :ticketId AND event = :event AND at > :since
                """, new MapSqlParameterSource().addValue("ticketId", ticketId)
                .addValue("event", event.name()).addValue("since", Timestamp.from(since)), Integer.class);
    }

    /** Mail that could not be delivered (any {@code <KIND>_FAILED}, an undeliverable recipient), recorded in [from, to). */
    public long deliveryFailuresBetween(Instant from, Instant to) {
        writeWaiting();
        return jdbc.queryForObject("""
                SELECT count(*) FROM logbook WHERE at >= :from AND at < :to
                   AND (event LIKE '%\\_FAILED' OR event = 'RECIPIENT_UNDELIVERABLE')
                """, new MapSqlParameterSource().addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
                Long.class);
    }

    /** One mail's outcome at a given time, for {@link #recordMails}. */
    public record MailEvent(Instant at, Long ticketId, MessageKind kind, MailStage stage, String detail) {}

    /** @param event as stored: a {@link LogbookEvent} or a {@code <KIND>_<STAGE>} of mail */
    public record Entry(long id, Instant at, String actor, String event, String detail) {}
}
