package id.go.trenggalekkab.csirt.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Instances start their routes one at a time. Each Quartz route puts its job into the
 * shared, clustered job store as it starts, and camel-quartz does so by "look, then insert":
 * two desks starting in the same instant both look, one inserts, the other fails with
 * "Trigger could not be found" and its whole CamelContext stops (measured: two desks
 * started together on a fresh database). A session-level advisory lock in PostgreSQL, held
 * from before the CamelContext starts until it has, makes the second wait its turn; a
 * desk that dies while starting drops its connection, and with it the lock.
 */
@Component
class StartInTurn implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StartInTurn.class);
    private static final String LOCK = "hashtext('csirt.camel-start')";

    private final DataSource dataSource;
    private Connection holding;

    StartInTurn(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void beforeApplicationStart(CamelContext camelContext) {
        try {
            holding = dataSource.getConnection();
            try (Statement lock = holding.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            release();
            throw new IllegalStateException("could not take the start-up turn in PostgreSQL", e);
        }
    }

    @Override
    public synchronized void afterApplicationStart(CamelContext camelContext) {
        release();
    }

    private void release() {
        if (holding == null) {
            return;
        }
        try (Connection connection = holding; Statement unlock = connection.createStatement()) {
            unlock.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        } catch (SQLException e) {
            // closing the connection ends the session, and the lock with it
            log.debug("Start-up turn released by closing its connection: {}", e.getMessage());
        } finally {
            holding = null;
        }
    }
}
