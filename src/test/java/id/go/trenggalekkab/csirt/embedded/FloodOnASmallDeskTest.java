package id.go.trenggalekkab.csirt.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regency's desk is small for months: its tables hold a few dozen tickets, and autovacuum
 * has analysed them. PostgreSQL keeps, per connection, the plans of the foreign-key checks
 * it made on those tables (about fifteen checks against {@code ticket} per report), and on a
 * table of one page that plan reads the whole table. A flood then grows the table under the
 * kept plans, every check reading every ticket, until an analyse makes PostgreSQL plan them
 * again: measured (BENCHMARKS.md), 7,574 ticket rows read per report over a 1,000-report
 * flood on such a desk, 78 on a new one. The embedded PostgreSQL's autovacuum looks every
 * 10 s instead of every minute, so such a flood scans for seconds, not for a minute.
 */
class FloodOnASmallDeskTest {

    @TempDir
    Path data;

    @Test
    void aFloodOnASmallAnalysedDeskStopsReadingWholeTablesOnceAutovacuumHasLooked() throws Exception {
        Secrets secrets = new Secrets(data);
        try (EmbeddedPostgres postgres = LockedDownPostgres.start(data.resolve("postgres"), secrets);
             Connection owner = DriverManager.getConnection(LockedDownPostgres.url(postgres), LockedDownPostgres.OWNER,
                     secrets.get("postgres-owner.password"));
             Statement sql = owner.createStatement()) {
            assertThat(show(sql, "autovacuum_naptime")).as("autovacuum looks every 10 s").isEqualTo("10s");

            // the quiet desk: a few dozen tickets, analysed, and the check's plan made on them
            sql.execute("CREATE TABLE ticket (id bigserial PRIMARY KEY, subject text)");
            sql.execute("CREATE TABLE logbook (id bigserial PRIMARY KEY, ticket_id bigint REFERENCES ticket (id))");
            sql.execute("INSERT INTO ticket (subject) SELECT 'Situs diretas ' || n FROM generate_series(1, 40) n");
            sql.execute("ANALYZE ticket");
            for (int i = 0; i < 10; i++) {
                sql.execute("INSERT INTO logbook (ticket_id) VALUES (40)");
            }

            // the flood: thousands of new tickets, committed; each entry is about the newest (a scan
            // stops at the row it looks for, and a flood's checks look for the last rows)
            sql.execute("INSERT INTO ticket (subject) SELECT 'Judi online ' || n FROM generate_series(1, 5000) n");
            assertThat(ticketRowsReadByOneCheck(owner, 5040)).as("the kept plan reads the grown table").isGreaterThan(5000);

            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                    .until(() -> analysedByAutovacuum(sql, "ticket"));
            assertThat(ticketRowsReadByOneCheck(owner, 5040)).as("planned again after autovacuum's analyse").isLessThanOrEqualTo(1);
        }
    }

    /** One more logbook entry about a ticket, in a transaction of its own: the ticket rows its foreign-key check read. */
    private static long ticketRowsReadByOneCheck(Connection connection, long ticketId) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO logbook (ticket_id) VALUES (" + ticketId + ")");
            try (ResultSet read = sql.executeQuery("SELECT seq_tup_read + coalesce(idx_tup_fetch, 0)"
                    + " FROM pg_stat_xact_user_tables WHERE relname = 'ticket'")) {
                read.next();
                return read.getLong(1);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static String show(Statement sql, String setting) throws SQLException {
        try (ResultSet value = sql.executeQuery("SHOW " + setting)) {
            value.next();
            return value.getString(1);
        }
    }

    private static boolean analysedByAutovacuum(Statement sql, String table) throws SQLException {
        try (ResultSet analysed = sql.executeQuery("SELECT last_autoanalyze IS NOT NULL FROM pg_stat_user_tables"
                + " WHERE relname = '" + table + "'")) {
            return analysed.next() && analysed.getBoolean(1);
        }
    }
}
