package id.go.trenggalekkab.csirt.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestMail;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A new desk's first flood: the indicator table grows from almost nothing to thousands of
 * rows in minutes, faster than PostgreSQL's statistics follow. The desk's statements are
 * prepared, and a prepared statement would keep the generic plan made from the statistics
 * of when it was first run; on a small table that plan may scan the whole table, or a whole
 * index, for each report (measured: each report of a flood slower than the last,
 * BENCHMARKS.md). Here a case's indicators are read on a pooled connection while the table
 * is small, the table then grows by another case's indicators, and the same read must still
 * go to the case's own rows.
 */
class PlansFollowTheTablesTest extends DeskIntegrationTest {

    private static final int GROWTH = 5000;

    @Autowired
    private DataSource dataSource;

    @Test
    void aCasesIndicatorsAreReadByTheCaseAfterTheTableGrewUnderItsPreparedStatement() throws Exception {
        long ticket = idOf(newCase(TestMail.uniqueAddress("rencana-a"), "Situs diubah, pelaku dari 45.133.1.20"));
        long floodCase = idOf(newCase(TestMail.uniqueAddress("rencana-b"), "Gelombang laporan"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(
                        new SingleConnectionDataSource(connection, true));
                IndicatorRepository indicators = new IndicatorRepository(sql);
                // prepared on the server after five runs, and its plan then kept
                for (int i = 0; i < 10; i++) {
                    assertThat(indicators.onCase(ticket)).isNotEmpty();
                }
                sql.update("""
                        INSERT INTO indicator (ticket_id, type, value, mark, found_in, first_seen_at, added_by)
                        SELECT :ticket, 'DOMAIN', 'gelombang-' || g || '.example', 'NONE', 'TEXT', now(), 'test'
                          FROM generate_series(1, :growth) g
                        """, new MapSqlParameterSource("ticket", floodCase).addValue("growth", GROWTH));

                long before = indicatorRowsRead(sql);
                int found = indicators.onCase(ticket).size();
                long read = indicatorRowsRead(sql) - before;

                assertThat(found).isPositive();
                assertThat(read).as("rows of indicator read for one case's %d indicators, the table %d rows larger",
                        found, GROWTH).isLessThanOrEqualTo(found * 2L + 10);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** What this transaction has read of the indicator table so far, by scans and through indexes. */
    private static long indicatorRowsRead(NamedParameterJdbcTemplate sql) {
        return sql.queryForObject("""
                SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_stat_xact_user_tables WHERE relname = 'indicator'
                """, Map.of(), Long.class);
    }

    private long idOf(String number) {
        return jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, number);
    }
}
