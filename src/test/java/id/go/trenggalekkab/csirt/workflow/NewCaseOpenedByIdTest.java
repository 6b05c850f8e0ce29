package id.go.trenggalekkab.csirt.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.trenggalekkab.csirt.sla.SlaPolicy;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.RolledBackConnection;
import id.go.trenggalekkab.csirt.system.PlannedEachRun;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every new report's case is opened in step 4 by its ticket's id, on the condition that the
 * ticket is still in that step. A flood fills step 4 with thousands of new tickets; a plan
 * kept from a new desk's few tickets chose the ticket by its step and then looked for the id
 * among all of them (auto_explain, BENCHMARKS.md "Plans made on empty tables"). Here the
 * opening is run often on one connection, step 4 then grows by 5,000 tickets, and the next
 * must find its ticket by id: the statement names it by id alone.
 * Only the ticket's update is counted: the case_step row's foreign-key check has a plan of
 * its own, which PostgreSQL keeps per connection (see BENCHMARKS.md).
 */
class NewCaseOpenedByIdTest extends DeskIntegrationTest {

    private static final int GROWTH = 5000;

    @Autowired
    private DataSource pool;

    @Autowired
    private SlaPolicy sla;

    @Test
    void aNewCaseIsOpenedByItsTicketAfterAFloodFilledItsStep() throws Exception {
        try (RolledBackConnection connection = RolledBackConnection.open(pool)) {
            CaseRepository cases = new CaseRepository(connection.sql(), new PlannedEachRun(connection.dataSource()), sla);
            // run often enough to be prepared on the server, with today's few tickets
            for (int i = 0; i < 10; i++) {
                cases.open(newTicket(connection, 1), Instant.now());
            }
            newTicket(connection, GROWTH);
            // and the flood's cases opened, as the intake opens them
            connection.sql().update("""
                    INSERT INTO case_step (ticket_id, step, entered_at, entered_by)
                    SELECT id, 'VERIFICATION', now(), 'maildesk'
                      FROM ticket t WHERE t.status = 'VERIFICATION' AND NOT EXISTS (SELECT 1 FROM case_step s WHERE s.ticket_id = t.id)
                    """, Map.of());
            long ticket = newTicket(connection, 1);

            long before = connection.rowsRead("ticket");
            long casesBefore = connection.rowsRead("case_step");
            cases.startClock(ticket, Instant.now());
            long read = connection.rowsRead("ticket") - before;

            assertThat(read).as("ticket rows read to start one case's clock, %d more tickets in its step", GROWTH)
                    .isLessThanOrEqualTo(2);
            // whether it has a case is the ticket's own row: asked of case_step, a plan kept from a new
            // desk's empty table read every case for it (a benchmark's whole-table scans; here the
            // shared test database is never empty when the plan is made, so only the count guards it)
            assertThat(connection.rowsRead("case_step") - casesBefore).as("case_step rows read to start one case's clock")
                    .isZero();
        }
    }

    @Test
    void aCaseIsOpenedOnceAndOnlyFromStepFour() throws Exception {
        try (RolledBackConnection connection = RolledBackConnection.open(pool)) {
            CaseRepository cases = new CaseRepository(connection.sql(), new PlannedEachRun(connection.dataSource()), sla);
            long ticket = newTicket(connection, 1);
            cases.open(ticket, Instant.now());
            assertThatThrownBy(() -> cases.open(ticket, Instant.now())).isInstanceOf(IllegalStateException.class);

            long elsewhere = newTicket(connection, 1);
            connection.sql().update("UPDATE ticket SET status = :step WHERE id = :id",
                    Map.of("step", CaseStep.ANALYSIS.name(), "id", elsewhere));
            assertThatThrownBy(() -> cases.open(elsewhere, Instant.now())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is not a new case");
        }
    }

    /** The last of {@code count} new tickets in step 4, as the intake leaves them before opening their case. */
    private static long newTicket(RolledBackConnection connection, int count) {
        return connection.sql().queryForObject("""
                WITH made AS (INSERT INTO ticket (status, subject, received_at)
                              SELECT 'VERIFICATION', 'Gelombang laporan ' || g, now() FROM generate_series(1, :count) g
                              RETURNING id)
                SELECT max(id) FROM made
                """, Map.of("count", count), Long.class);
    }
}
