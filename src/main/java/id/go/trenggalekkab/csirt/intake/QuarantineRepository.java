package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.system.ByteSource;
import id.go.trenggalekkab.csirt.system.StreamedParameter;
import java.sql.Timestamp;
import java.time.Instant;
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
}
