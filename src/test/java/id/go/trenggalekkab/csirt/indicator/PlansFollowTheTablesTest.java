package id.go.trenggalekkab.csirt.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.RolledBackConnection;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.system.PlannedEachRun;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A new desk's first flood: the indicator table grows from almost nothing to thousands of
 * rows in minutes, faster than PostgreSQL's statistics follow. A statement prepared on the
 * server keeps the generic plan made from the statistics of when it was first run; on a
 * small table that plan scanned the whole correlation index for one case's indicators, for
 * each report (measured: each report of a flood slower than the last, BENCHMARKS.md). Here
 * a case's indicators are read often enough on one connection to be prepared while the
 * table is small, the table then grows by another case's indicators, and the same read must
 * still go to the case's own rows ({@link PlannedEachRun}). Likewise the correlations: the
 * other cases' rows are found by the report's values, under statistics that have not seen
 * the growth (an index led by the type read every row of that type: 5,004 rows).
 */
class PlansFollowTheTablesTest extends DeskIntegrationTest {

    private static final int GROWTH = 5000;
    private static final java.util.Random RANDOM = new java.util.Random();

    @Autowired
    private DataSource pool;

    @Test
    void aCasesIndicatorsAreReadByTheCaseAfterTheTableGrewUnderItsPreparedStatement() throws Exception {
        long ticket = idOf(newCase(TestMail.uniqueAddress("rencana-a"), "Situs diubah, pelaku dari 45.133.1.20"));
        long floodCase = idOf(newCase(TestMail.uniqueAddress("rencana-b"), "Gelombang laporan"));
        try (RolledBackConnection connection = RolledBackConnection.open(pool)) {
            IndicatorRepository indicators = new IndicatorRepository(connection.sql(),
                    new PlannedEachRun(connection.dataSource()));
            // run often enough to be prepared on the server, on today's small table
            for (int i = 0; i < 10; i++) {
                assertThat(indicators.onCase(ticket)).isNotEmpty();
            }
            connection.sql().update("""
                    INSERT INTO indicator (ticket_id, type, value, mark, found_in, first_seen_at, added_by)
                    SELECT :ticket, 'DOMAIN', 'gelombang-' || g || '.example', 'NONE', 'TEXT', now(), 'test'
                      FROM generate_series(1, :growth) g
                    """, new MapSqlParameterSource("ticket", floodCase).addValue("growth", GROWTH));

            long before = connection.rowsRead("indicator");
            int found = indicators.onCase(ticket).size();
            long read = connection.rowsRead("indicator") - before;

            assertThat(found).isPositive();
            assertThat(read).as("rows of indicator read for one case's %d indicators, the table %d rows larger",
                    found, GROWTH).isLessThanOrEqualTo(found * 2L + 10);
        }
    }

    @Test
    void theCasesSharingAnIndicatorAreFoundByTheirOwnRowsAfterBothTablesGrew() throws Exception {
        String address = "185.221." + (1 + RANDOM.nextInt(250)) + "." + (1 + RANDOM.nextInt(250));
        String earlier = newCase(TestMail.uniqueAddress("rencana-c"), "Pemindaian dari " + address);
        long ticket = idOf(newCase(TestMail.uniqueAddress("rencana-d"), "Login gagal dari " + address));
        long floodCase = idOf(newCase(TestMail.uniqueAddress("rencana-e"), "Gelombang laporan"));
        try (RolledBackConnection connection = RolledBackConnection.open(pool)) {
            PlannedEachRun plannedEachRun = new PlannedEachRun(connection.dataSource());
            Correlations correlations = new Correlations(plannedEachRun,
                    new IndicatorRepository(connection.sql(), plannedEachRun), Clock.systemUTC(), List.of());
            for (int i = 0; i < 10; i++) {
                assertThat(correlations.of(ticket)).extracting(Correlations.SharedIndicator::ticket).containsExactly(earlier);
            }
            connection.sql().update("""
                    INSERT INTO indicator (ticket_id, type, value, mark, found_in, first_seen_at, added_by)
                    SELECT :ticket, 'IPV4', '10.' || (g / 250) || '.' || (g % 250) || '.1', 'NONE', 'TEXT', now(), 'test'
                      FROM generate_series(1, :growth) g
                    """, new MapSqlParameterSource("ticket", floodCase).addValue("growth", GROWTH));
            connection.sql().update("""
                    INSERT INTO ticket (status, reporter_name, reporter_address, subject, received_at, automatic)
                    SELECT 'RECEIVED', 'Pelapor ' || g, 'gelombang-' || g || '@example.org', 'Gelombang ' || g, now(), false
                      FROM generate_series(1, :growth) g
                    """, new MapSqlParameterSource("growth", GROWTH));

            long indicatorsBefore = connection.rowsRead("indicator");
            long ticketsBefore = connection.rowsRead("ticket");
            List<Correlations.SharedIndicator> shared = correlations.of(ticket);
            long indicatorsRead = connection.rowsRead("indicator") - indicatorsBefore;
            long ticketsRead = connection.rowsRead("ticket") - ticketsBefore;

            assertThat(shared).extracting(Correlations.SharedIndicator::ticket).containsExactly(earlier);
            assertThat(indicatorsRead).as("rows of indicator read to correlate one case, the table %d rows larger", GROWTH)
                    .isLessThanOrEqualTo(10);
            assertThat(ticketsRead).as("rows of ticket read to name the one case sharing it, the table %d rows larger",
                    GROWTH).isLessThanOrEqualTo(2);
        }
    }

    private long idOf(String number) {
        return jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, number);
    }
}
