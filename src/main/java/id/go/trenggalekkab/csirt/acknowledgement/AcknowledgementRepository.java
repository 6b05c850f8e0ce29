package id.go.trenggalekkab.csirt.acknowledgement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The acknowledgement's SQL: how many went to one mailbox lately, counted under a lock per mailbox. */
@Repository
class AcknowledgementRepository {

    private static final Pattern TAG = Pattern.compile("\\+[^@]*@");

    private final NamedParameterJdbcTemplate jdbc;

    AcknowledgementRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Acknowledgements queued to this mailbox since the given time, however its address was
     * written ({@link #mailbox}). Takes a lock on the mailbox for the rest of the transaction,
     * so that two reports from one sender cannot both pass the limit at once.
     */
    int countSince(String address, Instant since) {
        String mailbox = mailbox(address);
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))",
                new MapSqlParameterSource("key", "ack-rate:" + mailbox));
        return jdbc.queryForObject("""
                SELECT count(*) FROM message
                 WHERE kind = 'ACKNOWLEDGEMENT' AND received_at > :since
                   AND lower(regexp_replace(to_address, '\\+[^@]*@', '@')) = :mailbox
                """, new MapSqlParameterSource()
                .addValue("mailbox", mailbox)
                .addValue("since", Timestamp.from(since)), Integer.class);
    }

    /** One mailbox however written: lower case, and local+tag@domain as local@domain (as the index folds it). */
    static String mailbox(String address) {
        return TAG.matcher(address.toLowerCase(Locale.ROOT)).replaceFirst("@");
    }
}
