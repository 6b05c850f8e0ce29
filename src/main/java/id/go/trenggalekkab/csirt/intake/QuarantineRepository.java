package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.system.ByteSource;
import id.go.trenggalekkab.csirt.system.StreamedParameter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The intake feature's SQL for mail it could not take in. */
@Repository
class QuarantineRepository {

    private final NamedParameterJdbcTemplate jdbc;

    QuarantineRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the bytes once per distinct message (its {@code dedupKey}); false where they
     * were quarantined before.
     */
    boolean insert(String dedupKey, ByteSource raw, String sha256, String reason, Instant at) {
        return StreamedParameter.bind(raw, stream -> jdbc.update("""
                INSERT INTO quarantine (dedup_key, reason, raw, raw_sha256, raw_size, quarantined_at)
                VALUES (:key, :reason, :raw, :sha256, :size, :at)
                ON CONFLICT (dedup_key) DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("key", dedupKey)
                .addValue("reason", reason)
                .addValue("raw", stream)
                .addValue("sha256", sha256)
                .addValue("size", raw.size())
                .addValue("at", Timestamp.from(at)))) == 1;
    }

    /** The newest quarantined messages, each with its replays (only theirs are read). */
    List<QuarantineReplay.Quarantined> list(int limit) {
        List<QuarantineReplay.Quarantined> newest = jdbc.query("""
                SELECT id, quarantined_at, raw_sha256, raw_size, reason FROM quarantine ORDER BY id DESC LIMIT :limit
                """, new MapSqlParameterSource("limit", limit), (rs, i) -> new QuarantineReplay.Quarantined(
                rs.getLong("id"), rs.getTimestamp("quarantined_at").toInstant(), rs.getString("raw_sha256"),
                rs.getLong("raw_size"), rs.getString("reason"), new ArrayList<>()));
        if (newest.isEmpty()) {
            return newest;
        }
        Map<Long, List<QuarantineReplay.Replay>> replays = new HashMap<>();
        newest.forEach(q -> replays.put(q.id(), q.replays()));
        jdbc.query("""
                SELECT quarantine_id, at, actor, outcome, ticket_number FROM quarantine_replay
                 WHERE quarantine_id IN (:ids) ORDER BY id
                """, new MapSqlParameterSource("ids", replays.keySet()),
                rs -> {
                    replays.get(rs.getLong("quarantine_id")).add(replay(rs));
                });
        return newest;
    }

    /** The first bytes of a quarantined message, to read on a screen; empty where there is no such message. */
    Optional<byte[]> rawHead(long id, int maxBytes) {
        return jdbc.queryForList("SELECT substring(raw FROM 1 FOR :max) FROM quarantine WHERE id = :id",
                new MapSqlParameterSource().addValue("id", id).addValue("max", maxBytes), byte[].class).stream().findFirst();
    }

    Optional<byte[]> raw(long id) {
        return jdbc.queryForList("SELECT raw FROM quarantine WHERE id = :id", new MapSqlParameterSource("id", id),
                byte[].class).stream().findFirst();
    }

    QuarantineReplay.Replay recordReplay(long id, Instant at, String actor, String outcome, String ticket) {
        jdbc.update("""
                INSERT INTO quarantine_replay (quarantine_id, at, actor, outcome, ticket_number)
                VALUES (:id, :at, :actor, :outcome, :ticket)
                """, new MapSqlParameterSource().addValue("id", id).addValue("at", Timestamp.from(at))
                .addValue("actor", actor).addValue("outcome", outcome).addValue("ticket", ticket));
        return new QuarantineReplay.Replay(at, actor, outcome, ticket);
    }

    private static QuarantineReplay.Replay replay(ResultSet rs) throws SQLException {
        return new QuarantineReplay.Replay(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("outcome"), rs.getString("ticket_number"));
    }
}
