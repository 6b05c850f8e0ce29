package id.go.trenggalekkab.csirt.oversight;

import id.go.trenggalekkab.csirt.sop.MessageKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The oversight feature's SQL for mail nobody has been told of yet. */
@Repository
class UnseenMailRepository {

    /** The most rows one alert lists; the rest wait for the next. */
    static final int MAX_LISTED = 200;

    private final NamedParameterJdbcTemplate jdbc;

    UnseenMailRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Quarantined(long id, Instant at, String sha256, long size, String reason) {}

    record Undelivered(long id, String kind, String ticket, String toAddress, String error) {}

    /** Instances take turns: the one that holds this lock decides and records the alert. */
    void lock() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('csirt.unseen-mail-alert'))", new MapSqlParameterSource());
    }

    Optional<Instant> lastAlert() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT max(sent_at) FROM unseen_mail_alert",
                new MapSqlParameterSource(), Timestamp.class)).map(Timestamp::toInstant);
    }

    List<Quarantined> quarantinedNotAlerted() {
        return jdbc.query("""
                SELECT q.id, q.quarantined_at, q.raw_sha256, q.raw_size, q.reason FROM quarantine q
                 WHERE NOT EXISTS (SELECT 1 FROM unseen_mail_alerted a WHERE a.source = 'QUARANTINE' AND a.ref_id = q.id)
                 ORDER BY q.id LIMIT :max
                """, new MapSqlParameterSource("max", MAX_LISTED), (rs, i) -> new Quarantined(rs.getLong("id"),
                rs.getTimestamp("quarantined_at").toInstant(), rs.getString("raw_sha256"), rs.getLong("raw_size"),
                rs.getString("reason")));
    }

    /** Given-up mail, but not the alerts themselves: an alert that cannot be delivered is not news to send the same way. */
    List<Undelivered> failedNotAlerted() {
        return jdbc.query("""
                SELECT o.id, m.kind, t.number, m.to_address, o.last_error
                  FROM outbox o JOIN message m ON m.id = o.message_id LEFT JOIN ticket t ON t.id = m.ticket_id
                 WHERE o.status = 'FAILED' AND m.kind <> :own
                   AND NOT EXISTS (SELECT 1 FROM unseen_mail_alerted a WHERE a.source = 'OUTBOX' AND a.ref_id = o.id)
                 ORDER BY o.id LIMIT :max
                """, new MapSqlParameterSource("max", MAX_LISTED).addValue("own", MessageKind.UNSEEN_MAIL_ALERT.name()),
                (rs, i) -> new Undelivered(rs.getLong("id"), rs.getString("kind"), rs.getString("number"),
                        rs.getString("to_address"), rs.getString("last_error")));
    }

    void recordAlert(Instant at, List<Quarantined> quarantined, List<Undelivered> undelivered) {
        Long alert = jdbc.queryForObject("""
                INSERT INTO unseen_mail_alert (sent_at, quarantined, undelivered) VALUES (:at, :q, :u) RETURNING id
                """, new MapSqlParameterSource().addValue("at", Timestamp.from(at)).addValue("q", quarantined.size())
                .addValue("u", undelivered.size()), Long.class);
        quarantined.forEach(q -> alerted("QUARANTINE", q.id(), alert));
        undelivered.forEach(u -> alerted("OUTBOX", u.id(), alert));
    }

    private void alerted(String source, long refId, Long alert) {
        jdbc.update("INSERT INTO unseen_mail_alerted (source, ref_id, alert_id) VALUES (:source, :ref, :alert)",
                new MapSqlParameterSource().addValue("source", source).addValue("ref", refId).addValue("alert", alert));
    }
}
