package id.go.trenggalekkab.csirt.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.RolledBackConnection;
import id.go.trenggalekkab.csirt.system.PlannedEachRun;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After each batch the outbox marks what the server accepted as sent. Every mail the desk
 * ever sent stays in the outbox, three or so per report, so a flood grows it by thousands;
 * a plan prepared while a new desk had a few hundred rows joined the batch's mail to the
 * whole table by a scan (auto_explain, BENCHMARKS.md "Plans made on empty tables"). Here
 * the settling is prepared on one connection, the outbox then grows by 5,000 sent mails,
 * and settling one accepted mail must read its own row, not the table ({@link PlannedEachRun}):
 * the look for mail a dead desk left accepted but unsettled, and a batch's own settling.
 */
class SentMailSettledByIdTest extends DeskIntegrationTest {

    private static final int GROWTH = 5000;

    @Autowired
    private DataSource pool;

    @Autowired
    private Clock clock;

    @Test
    void oneAcceptedMailIsSettledByItsRowAfterTheOutboxGrew() throws Exception {
        try (RolledBackConnection connection = RolledBackConnection.open(pool)) {
            OutboxRepository outbox = outbox(connection);
            long ticket = ticket(connection);
            // run often enough to be prepared on the server, on today's outbox
            for (int i = 0; i < 10; i++) {
                accepted(connection, mail(connection, ticket, 1, "PENDING"));
                assertThat(outbox.settleStranded()).hasSize(1);
                long batchMail = mail(connection, ticket, 1, "PENDING");
                accepted(connection, batchMail);
                assertThat(outbox.settle(List.of(batchMail))).extracting(OutboxRepository.Settled::id).containsExactly(batchMail);
            }
            mail(connection, ticket, GROWTH, "SENT");
            accepted(connection, mail(connection, ticket, 1, "PENDING"));

            // a handful, not the table (the kept plan read 5,012): settling also looks at mail the suite's
            // other desks left pending in this shared database, and may visit the ten rows settled above
            long pending = connection.sql().queryForObject("SELECT count(*) FROM outbox WHERE status = 'PENDING'",
                    Map.of(), Long.class);
            long before = connection.rowsRead("outbox");
            assertThat(outbox.settleStranded()).hasSize(1);
            long read = connection.rowsRead("outbox") - before;

            assertThat(read).as("outbox rows read to settle one accepted mail, %d more in the outbox, %d pending",
                    GROWTH, pending).isLessThanOrEqualTo(pending + 20);

            // a batch settles what it sent by the mails' own rows, whatever else the outbox holds
            long batchMail = mail(connection, ticket, 1, "PENDING");
            accepted(connection, batchMail);
            before = connection.rowsRead("outbox");
            assertThat(outbox.settle(List.of(batchMail))).extracting(OutboxRepository.Settled::id).containsExactly(batchMail);
            // a handful (the row, versions of it), never the 5,000 others
            assertThat(connection.rowsRead("outbox") - before).as("outbox rows read to settle a batch of one")
                    .isLessThanOrEqualTo(10);
        }
    }

    @Test
    void dueMailIsCheckedForReceiptsOneByOneWhateverTheOutboxHolds() throws Exception {
        try (RolledBackConnection connection = RolledBackConnection.open(pool)) {
            OutboxRepository outbox = outbox(connection);
            long ticket = ticket(connection);
            // a desk's history: thousands of mails sent, each with its receipt; then a flood's mail waiting
            mail(connection, ticket, GROWTH, "SENT");
            connection.sql().update("""
                    INSERT INTO outbox_delivery (outbox_id, delivered_at)
                    SELECT o.id, now() FROM outbox o
                     WHERE o.status = 'SENT' AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.outbox_id = o.id)
                    """, Map.of());
            mail(connection, ticket, 500, "PENDING");

            // a flood's plan guessing many mail due joined all receipts by a scan (600 rows per report,
            // BENCHMARKS.md); here the shared database's statistics make the planner probe either way,
            // so this holds the statement to its look-ups rather than showing that plan
            long before = connection.rowsRead("outbox_delivery");
            assertThat(outbox.lockDue(50)).hasSize(50);
            assertThat(connection.rowsRead("outbox_delivery") - before)
                    .as("receipts read to find a batch of due mail, %d receipts in all", GROWTH)
                    .isLessThan(GROWTH / 10);
        }
    }

    private OutboxRepository outbox(RolledBackConnection connection) {
        return new OutboxRepository(connection.sql(), new PlannedEachRun(connection.dataSource()), clock);
    }

    private static long ticket(RolledBackConnection connection) {
        return connection.sql().queryForObject("""
                INSERT INTO ticket (status, subject, received_at) VALUES ('VERIFICATION', 'Laporan', now()) RETURNING id
                """, Map.of(), Long.class);
    }

    /** The last of {@code count} outbound mails on the ticket, in the outbox with that status. */
    private static long mail(RolledBackConnection connection, long ticket, int count, String status) {
        return connection.sql().queryForObject("""
                WITH written AS (INSERT INTO message (ticket_id, direction, kind, message_id, to_address, subject,
                                                      received_at, raw, raw_sha256, raw_size)
                                 SELECT :ticket, 'OUT', 'ACKNOWLEDGEMENT', '<tumbuh-' || g || '@test>', 'pelapor@example.org',
                                        'Tanda terima', now(), '\\x00'::bytea, 'x', 1
                                   FROM generate_series(1, :count) g
                                 RETURNING id),
                     queued AS (INSERT INTO outbox (message_id, status, next_attempt_at, created_at)
                                SELECT id, :status, now(), now() FROM written
                                RETURNING id)
                SELECT max(id) FROM queued
                """, Map.of("ticket", ticket, "count", count, "status", status), Long.class);
    }

    /** The server took it: the receipt the dispatcher writes before it settles. */
    private static void accepted(RolledBackConnection connection, long outboxId) {
        connection.sql().update("INSERT INTO outbox_delivery (outbox_id, delivered_at) VALUES (:id, now())",
                Map.of("id", outboxId));
    }
}
