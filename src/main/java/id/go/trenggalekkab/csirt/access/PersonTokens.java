package id.go.trenggalekkab.csirt.access;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.system.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's API tokens (table {@code api_token}): made on the web view by the person
 * signed in, shown once, kept as a hash, revocable. A request carrying one reads the API as
 * that person, with that person's rules; roles come from the directory at each request.
 */
@Component
public class PersonTokens {

    /** A token as its owner sees it in the list: never the token itself. */
    public record Listed(long id, Instant createdAt, Instant lastUsedAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Person tokens start so, to tell them from the operator's at a glance. */
    static final String PREFIX = "csirt_";

    private final NamedParameterJdbcTemplate jdbc;
    private final Logbook logbook;
    private final Clock clock;

    PersonTokens(NamedParameterJdbcTemplate jdbc, Logbook logbook, Clock clock) {
        this.jdbc = jdbc;
        this.logbook = logbook;
        this.clock = clock;
    }

    /** A new token for this person, returned this once. */
    @Transactional
    public String create(String address) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("INSERT INTO api_token (address, token_sha256, created_at) VALUES (:address, :hash, :at)",
                new MapSqlParameterSource().addValue("address", address).addValue("hash", hash(token))
                        .addValue("at", Timestamp.from(clock.instant())));
        logbook.record(null, address, LogbookEvent.API_TOKEN_CREATED, "web");
        return token;
    }

    public List<Listed> of(String address) {
        return jdbc.query("""
                SELECT id, created_at, last_used_at FROM api_token
                 WHERE address = :address AND revoked_at IS NULL ORDER BY id
                """, new MapSqlParameterSource("address", address), (rs, i) -> new Listed(rs.getLong("id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()));
    }

    /** Revokes one of this person's tokens; another person's is left alone. */
    @Transactional
    public boolean revoke(String address, long id) {
        boolean revoked = jdbc.update("""
                UPDATE api_token SET revoked_at = :at WHERE id = :id AND address = :address AND revoked_at IS NULL
                """, new MapSqlParameterSource().addValue("id", id).addValue("address", address)
                .addValue("at", Timestamp.from(clock.instant()))) == 1;
        if (revoked) {
            logbook.record(null, address, LogbookEvent.API_TOKEN_REVOKED, "token #" + id);
        }
        return revoked;
    }

    /** Whose token this is, where it is a live one; its use is noted. */
    @Transactional
    public Optional<String> owner(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.queryForList("""
                UPDATE api_token SET last_used_at = :at WHERE token_sha256 = :hash AND revoked_at IS NULL RETURNING address
                """, new MapSqlParameterSource().addValue("hash", hash(token)).addValue("at", Timestamp.from(clock.instant())),
                String.class).stream().findFirst();
    }

    private static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
