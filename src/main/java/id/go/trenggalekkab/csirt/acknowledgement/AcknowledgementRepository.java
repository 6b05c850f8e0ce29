package id.go.trenggalekkab.csirt.acknowledgement;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The acknowledgement's SQL: how many went to one address lately, counted under a lock per address. */
@Repository
class AcknowledgementRepository {

    private final NamedParameterJdbcTemplate jdbc;

    AcknowledgementRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Acknowledgements queued to this address since the given time. Takes a lock on the
     * address for the rest of the transaction, so two reports from one sender cannot both
     * pass the limit at once.
     */
    int countSince(String address, Instant since) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))",
                new MapSqlParameterSource("key", "ack-rate:" + address));
        return jdbc.queryForObject("""
                SELECT count(*) FROM message
                 WHERE kind = 'ACKNOWLEDGEMENT' AND to_address = :address AND received_at > :since
                """, new MapSqlParameterSource()
                .addValue("address", address)
                .addValue("since", Timestamp.from(since)), Integer.class);
    }
}
