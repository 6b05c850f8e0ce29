package id.go.trenggalekkab.csirt.upward;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The report upward's SQL: what each case owes (table {@code upward_report}) and the deadlines due. */
@Repository
class UpwardReportRepository {

    private final NamedParameterJdbcTemplate jdbc;

    UpwardReportRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a case owes upward.
     *
     * @param vitalSystems as configured, comma-separated; null where the case is on none
     * @param deadline     for a case on a vital system only
     * @param noticesSent  0 none, 1 the reminder, n the reminder and n-1 escalations
     */
    record Owed(long ticketId, boolean highPriority, String vitalSystems, Instant deadline, int noticesSent,
                Instant draftMailedAt, Instant sentAt, String sentBy, int timesSent) {

        boolean vital() {
            return vitalSystems != null;
        }
    }

    Optional<Owed> find(long ticketId) {
        return select(ticketId, "");
    }

    Optional<Owed> lock(long ticketId) {
        return select(ticketId, " FOR UPDATE");
    }

    private Optional<Owed> select(long ticketId, String lock) {
        return jdbc.query("SELECT * FROM upward_report WHERE ticket_id = :ticket" + lock,
                new MapSqlParameterSource("ticket", ticketId), UpwardReportRepository::owed).stream().findFirst();
    }

    /** The row, created where the case owed nothing yet, and locked. */
    Owed lockOrCreate(long ticketId) {
        jdbc.update("INSERT INTO upward_report (ticket_id) VALUES (:ticket) ON CONFLICT (ticket_id) DO NOTHING",
                new MapSqlParameterSource("ticket", ticketId));
        return lock(ticketId).orElseThrow();
    }

    void markHighPriority(long ticketId) {
        jdbc.update("UPDATE upward_report SET high_priority = true WHERE ticket_id = :ticket",
                new MapSqlParameterSource("ticket", ticketId));
    }

    /** The case is on these vital systems (null: none), with this deadline and first notice (null: none). */
    void setVital(long ticketId, String vitalSystems, Instant deadline, Instant nextNotice) {
        jdbc.update("""
                UPDATE upward_report SET vital_systems = :vital, deadline = :deadline, next_notice_at = :next
                 WHERE ticket_id = :ticket
                """, new MapSqlParameterSource("ticket", ticketId).addValue("vital", vitalSystems)
                .addValue("deadline", timestamp(deadline)).addValue("next", timestamp(nextNotice)));
    }

    void draftMailed(long ticketId, Instant at) {
        jdbc.update("UPDATE upward_report SET draft_mailed_at = :at WHERE ticket_id = :ticket",
                new MapSqlParameterSource("ticket", ticketId).addValue("at", timestamp(at)));
    }

    /** Sent: the deadline is met (or missed) and its notices stop. */
    void sent(long ticketId, Instant at, String by) {
        jdbc.update("""
                UPDATE upward_report SET sent_at = :at, sent_by = :by, times_sent = times_sent + 1, next_notice_at = NULL
                 WHERE ticket_id = :ticket
                """, new MapSqlParameterSource("ticket", ticketId).addValue("at", timestamp(at)).addValue("by", by));
    }

    /**
     * Vital cases not yet reported whose next notice is due, locked for this transaction
     * (another instance sweeping skips them). A case found no incident, dismissed or merged
     * owes nothing while it stays so: reopened, its deadline counts again.
     */
    List<DueDeadline> lockDue(Instant now, int batch) {
        return jdbc.query("""
                SELECT u.ticket_id, u.deadline, u.notices_sent, u.vital_systems, t.assignee
                  FROM upward_report u JOIN ticket t ON t.id = u.ticket_id
                 WHERE u.next_notice_at <= :now AND u.sent_at IS NULL
                   AND t.status NOT IN ('NOT_AN_INCIDENT', 'DISMISSED', 'MERGED')
                 ORDER BY u.next_notice_at
                 LIMIT :batch
                   FOR UPDATE OF u SKIP LOCKED
                """, new MapSqlParameterSource("now", Timestamp.from(now)).addValue("batch", batch),
                (rs, i) -> new DueDeadline(rs.getLong("ticket_id"), rs.getTimestamp("deadline").toInstant(),
                        rs.getInt("notices_sent"), rs.getString("vital_systems"), rs.getString("assignee")));
    }

    /** Claims notice number n (1: the reminder); true for the one transaction that moves the count there. */
    boolean claimNotice(long ticketId, int n) {
        return jdbc.update("""
                UPDATE upward_report SET notices_sent = :n
                 WHERE ticket_id = :ticket AND notices_sent = :n - 1 AND sent_at IS NULL
                """, new MapSqlParameterSource("ticket", ticketId).addValue("n", n)) == 1;
    }

    void scheduleNext(long ticketId, Instant next) {
        jdbc.update("UPDATE upward_report SET next_notice_at = :next WHERE ticket_id = :ticket",
                new MapSqlParameterSource("ticket", ticketId).addValue("next", timestamp(next)));
    }

    private static Owed owed(ResultSet rs, int row) throws SQLException {
        return new Owed(rs.getLong("ticket_id"), rs.getBoolean("high_priority"), rs.getString("vital_systems"),
                instant(rs.getTimestamp("deadline")), rs.getInt("notices_sent"), instant(rs.getTimestamp("draft_mailed_at")),
                instant(rs.getTimestamp("sent_at")), rs.getString("sent_by"), rs.getInt("times_sent"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
