package id.go.trenggalekkab.csirt.signin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sign-in requests (table {@code sign_in_request}): only hashes of tokens and browsers. */
@Repository
class SignInRepository {

    /** A link that was sent, as its row holds it. */
    record Link(long id, String address, String browserSha256, Instant expiresAt, Instant usedAt) {}

    private final NamedParameterJdbcTemplate jdbc;

    SignInRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long requestsFromClientSince(String client, Instant since) {
        return count("client", client, since);
    }

    long requestsForAddressSince(String address, Instant since) {
        return count("address", address, since);
    }

    private long count(String column, String value, Instant since) {
        return jdbc.queryForObject("SELECT count(*) FROM sign_in_request WHERE " + column + " = :value AND requested_at > :since",
                new MapSqlParameterSource().addValue("value", value).addValue("since", Timestamp.from(since)), Long.class);
    }

    /** A request that sends nothing: refused by a limit, or for an address not in the directory. */
    void recordUnanswered(String address, String client, Instant at) {
        jdbc.update("INSERT INTO sign_in_request (address, client, requested_at) VALUES (:address, :client, :at)",
                new MapSqlParameterSource().addValue("address", address).addValue("client", client)
                        .addValue("at", Timestamp.from(at)));
    }

    void recordSent(String address, String client, Instant at, String tokenSha256, String browserSha256, Instant expiresAt) {
        jdbc.update("""
                INSERT INTO sign_in_request (address, client, requested_at, token_sha256, browser_sha256, expires_at)
                VALUES (:address, :client, :at, :token, :browser, :expires)
                """, new MapSqlParameterSource().addValue("address", address).addValue("client", client)
                .addValue("at", Timestamp.from(at)).addValue("token", tokenSha256).addValue("browser", browserSha256)
                .addValue("expires", Timestamp.from(expiresAt)));
    }

    /** The link of this token, locked: two tabs using it at once cannot both sign in. */
    Optional<Link> lockLink(String tokenSha256) {
        List<Link> found = jdbc.query("""
                SELECT id, address, browser_sha256, expires_at, used_at FROM sign_in_request
                 WHERE token_sha256 = :token FOR UPDATE
                """, new MapSqlParameterSource("token", tokenSha256), (rs, i) -> new Link(rs.getLong("id"),
                rs.getString("address"), rs.getString("browser_sha256"), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()));
        return found.stream().findFirst();
    }

    void markUsed(long id, Instant at) {
        jdbc.update("UPDATE sign_in_request SET used_at = :at WHERE id = :id",
                new MapSqlParameterSource().addValue("id", id).addValue("at", Timestamp.from(at)));
    }
}
