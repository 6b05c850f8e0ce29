package id.go.trenggalekkab.csirt.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One of the desk's pooled connections in one transaction, rolled back at the end: for a
 * test that grows a table under a statement the connection has already prepared, and then
 * counts what the statement read.
 */
public final class RolledBackConnection implements AutoCloseable {

    private final Connection connection;
    private final SingleConnectionDataSource dataSource;
    private final NamedParameterJdbcTemplate sql;

    private RolledBackConnection(Connection connection) {
        this.connection = connection;
        this.dataSource = new SingleConnectionDataSource(connection, true);
        this.sql = new NamedParameterJdbcTemplate(dataSource);
    }

    public static RolledBackConnection open(DataSource pool) throws SQLException {
        Connection connection = pool.getConnection();
        connection.setAutoCommit(false);
        return new RolledBackConnection(connection);
    }

    /** This connection, for a repository under test. */
    public DataSource dataSource() {
        return dataSource;
    }

    public NamedParameterJdbcTemplate sql() {
        return sql;
    }

    /** The rows of the table this transaction has read so far, by scans and through indexes. */
    public long rowsRead(String table) {
        return sql.queryForObject("""
                SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_stat_xact_user_tables WHERE relname = :table
                """, Map.of("table", table), Long.class);
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } finally {
            connection.close();
        }
    }
}
