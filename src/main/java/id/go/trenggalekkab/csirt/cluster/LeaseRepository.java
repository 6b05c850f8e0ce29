package id.go.trenggalekkab.csirt.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The cluster feature's SQL: leases and heartbeats, timed by the database's clock. */
@Repository
class LeaseRepository {

    private final NamedParameterJdbcTemplate jdbc;

    LeaseRepository(DataSource dataSource, ClusterProperties properties) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // a renewal that hangs is no renewal: the holder must learn in time that it failed
        template.setQueryTimeout((int) Math.max(1, properties.renewEvery().toSeconds()));
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    record Lease(String name, String holderName, boolean heldBy, long epoch, Instant acquiredAt, Instant expiresAt,
                 boolean current) {}

    record Member(String name, String host, Instant startedAt, Instant lastSeen, boolean local) {}

    /**
     * Takes the lease if it is free or expired, or renews it if this token holds it: one
     * statement, so that of two instances trying at once exactly one succeeds. True where
     * this token holds it now for {@code ttl}.
     */
    boolean acquireOrRenew(String name, String token, String holderName, Duration ttl) {
        return !jdbc.queryForList("""
                INSERT INTO desk_lease AS l (name, holder_token, holder_name, epoch, acquired_at, renewed_at, expires_at)
                VALUES (:name, :token, :holder, 1, clock_timestamp(), clock_timestamp(),
                        clock_timestamp() + make_interval(secs => :ttl))
                ON CONFLICT (name) DO UPDATE
                   SET holder_token = EXCLUDED.holder_token,
                       holder_name = EXCLUDED.holder_name,
                       epoch = CASE WHEN l.holder_token = EXCLUDED.holder_token AND l.expires_at >= clock_timestamp()
                                    THEN l.epoch ELSE l.epoch + 1 END,
                       acquired_at = CASE WHEN l.holder_token = EXCLUDED.holder_token AND l.expires_at >= clock_timestamp()
                                          THEN l.acquired_at ELSE clock_timestamp() END,
                       renewed_at = clock_timestamp(),
                       expires_at = clock_timestamp() + make_interval(secs => :ttl)
                 WHERE l.holder_token = EXCLUDED.holder_token OR l.expires_at < clock_timestamp()
                RETURNING epoch
                """, new MapSqlParameterSource()
                .addValue("name", name)
                .addValue("token", token)
                .addValue("holder", holderName)
                .addValue("ttl", ttl.toMillis() / 1000.0), Long.class).isEmpty();
    }

    /** Lets the lease go at once (an orderly shutdown), so that another instance need not wait for it to expire. */
    void release(String name, String token) {
        jdbc.update("""
                UPDATE desk_lease SET expires_at = clock_timestamp() - interval '1 millisecond'
                 WHERE name = :name AND holder_token = :token
                """, new MapSqlParameterSource().addValue("name", name).addValue("token", token));
    }

    Optional<Lease> lease(String name, String token) {
        return jdbc.query("""
                SELECT name, holder_name, holder_token = :token AS held_by, epoch, acquired_at, expires_at,
                       expires_at > clock_timestamp() AS current
                  FROM desk_lease WHERE name = :name
                """, new MapSqlParameterSource().addValue("name", name).addValue("token", token),
                (rs, i) -> new Lease(rs.getString("name"), rs.getString("holder_name"), rs.getBoolean("held_by"),
                        rs.getLong("epoch"), rs.getTimestamp("acquired_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("current"))).stream().findFirst();
    }

    void heartbeat(DeskInstance instance) {
        jdbc.update("""
                INSERT INTO desk_instance (token, name, host, started_at, last_seen)
                VALUES (:token, :name, :host, :started, clock_timestamp())
                ON CONFLICT (token) DO UPDATE SET last_seen = clock_timestamp()
                """, new MapSqlParameterSource()
                .addValue("token", instance.token())
                .addValue("name", instance.name())
                .addValue("host", instance.host())
                .addValue("started", Timestamp.from(instance.startedAt())));
    }

    /** Instances heard from within {@code window}; rows of instances gone for a day are cleared. */
    List<Member> members(DeskInstance local, Duration window) {
        jdbc.update("DELETE FROM desk_instance WHERE last_seen < clock_timestamp() - interval '1 day'",
                new MapSqlParameterSource());
        return jdbc.query("""
                SELECT name, host, started_at, last_seen, token = :token AS local FROM desk_instance
                 WHERE last_seen > clock_timestamp() - make_interval(secs => :window)
                 ORDER BY started_at
                """, new MapSqlParameterSource()
                .addValue("token", local.token())
                .addValue("window", window.toMillis() / 1000.0),
                (rs, i) -> new Member(rs.getString("name"), rs.getString("host"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_seen").toInstant(),
                        rs.getBoolean("local")));
    }
}
