package id.go.trenggalekkab.csirt.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ParameterDisposer;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.SqlProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * For the few statements a flood could otherwise make slower with every report: each run is
 * planned by PostgreSQL with the tables as they are then. The desk's other statements are
 * prepared on the server once per connection, and PostgreSQL then keeps a generic plan made
 * from the statistics of that moment. On a new or small desk those are nearly empty tables;
 * a flood grows them faster than autovacuum's statistics follow, and where a statement can
 * choose its path, a plan chosen on an empty table scanned a case's indicators by the whole
 * correlation index, or the whole outbox to settle one batch (auto_explain, BENCHMARKS.md
 * "Plans made on empty tables"). Planning each run costs a
 * parse and a plan, so only statements that have shown it are sent through here.
 */
@Component
public class PlannedEachRun {

    private final NamedParameterJdbcTemplate jdbc;

    public PlannedEachRun(DataSource dataSource) {
        // not a NamedParameterJdbcTemplate bean itself: Spring Boot's own would then step aside
        this.jdbc = new NamedParameterJdbcTemplate(dataSource) {
            @Override
            protected PreparedStatementCreator getPreparedStatementCreator(String sql, SqlParameterSource paramSource,
                    @Nullable Consumer<PreparedStatementCreatorFactory> customizer) {
                return new Unprepared(super.getPreparedStatementCreator(sql, paramSource, customizer));
            }
        };
    }

    /** Like the desk's NamedParameterJdbcTemplate, in the same transactions, but planned each run. */
    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    /** The statement as Spring would create it, never prepared on the server: one plan per run. */
    private record Unprepared(PreparedStatementCreator statement)
            implements PreparedStatementCreator, PreparedStatementSetter, SqlProvider, ParameterDisposer {

        @Override
        public PreparedStatement createPreparedStatement(Connection connection) throws SQLException {
            PreparedStatement prepared = statement.createPreparedStatement(connection);
            if (prepared.isWrapperFor(PGStatement.class)) {
                prepared.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            return prepared;
        }

        @Override
        public void setValues(PreparedStatement prepared) throws SQLException {
            ((PreparedStatementSetter) statement).setValues(prepared);
        }

        @Override
        public String getSql() {
            return ((SqlProvider) statement).getSql();
        }

        @Override
        public void cleanupParameters() {
            ((ParameterDisposer) statement).cleanupParameters();
        }
    }
}
