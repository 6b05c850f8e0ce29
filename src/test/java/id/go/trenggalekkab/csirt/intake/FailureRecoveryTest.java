package id.go.trenggalekkab.csirt.intake;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.PoisonMessages;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What happens when things break: SMTP away, a crash after commit, a message that always fails. */
class FailureRecoveryTest extends DeskIntegrationTest {

    @Autowired
    CamelContext camel;


    @Test
    void withSmtpDownNothingIsLostAndEachAcknowledgementGoesOutOnceInOrderWhenItReturns() throws Exception {
        List<String> reporters = new ArrayList<>();
        List<String> tickets = new ArrayList<>();
        TestServers.smtpProxy().refuse(true);
        try {
            for (int i = 0; i < 3; i++) {
                String reporter = uniqueAddress("smtpmati");
                String id = newMessageId();
                reporters.add(reporter);
                deliver(reporter, report(reporter, "Laporan saat SMTP mati " + i, "isi", "Message-ID: " + id));
                tickets.add(awaitTicketOf(id));
            }
            // every acknowledgement tried and held back: nothing reached anyone
            for (String ticket : tickets) {
                await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("ACKNOWLEDGEMENT_DELAYED"));
            }
            for (String reporter : reporters) {
                assertThat(inboxOf(reporter)).isEmpty();
            }
            assertThat(outboxStatus(tickets.get(0))).isEqualTo("PENDING");
        } finally {
            TestServers.smtpProxy().refuse(false);
        }
        for (String reporter : reporters) {
            await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        }
        awaitQuiet();
        for (int i = 0; i < reporters.size(); i++) {
            assertThat(inboxOf(reporters.get(i))).hasSize(1);
            assertThat(logbookEvents(tickets.get(i))).filteredOn("ACKNOWLEDGEMENT_SENT"::equals).hasSize(1);
            assertThat(outboxStatus(tickets.get(i))).isEqualTo("SENT");
        }
        List<Long> sentOrder = jdbc.queryForList("""
                SELECT o.id FROM outbox o JOIN message m ON m.id = o.message_id JOIN ticket t ON t.id = m.ticket_id
                 WHERE t.number IN (?, ?, ?) ORDER BY o.sent_at, o.id
                """, Long.class, tickets.toArray());
        assertThat(sentOrder).isSorted();
    }

    @Test
    void aCrashBetweenTheCommitAndTheImapMoveStillYieldsOneTicketAndOneAcknowledgement() throws Exception {
        String reporter = uniqueAddress("crash");
        String id = newMessageId();
        camel.getRouteController().stopRoute("mailbox-intake");
        try {
            deliver(reporter, report(reporter, "Laporan sebelum crash", "isi", "Message-ID: " + id));
            await().atMost(PATIENCE).until(() -> deskInboxMessage(id) != null);
            // the ticket's transaction commits, then the process dies before the message is moved
            byte[] raw = deskInboxMessage(id);
            takeIn(raw);
        } finally {
            camel.getRouteController().startRoute("mailbox-intake");
        }
        String ticket = awaitTicketOf(id);
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("MESSAGE_DUPLICATE"));
        await().atMost(PATIENCE).until(() -> deskInboxMessage(id) == null);
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        awaitQuiet();
        assertThat(inboxOf(reporter)).hasSize(1);
        assertThat(count("SELECT count(*) FROM message WHERE message_id = ? AND direction = 'IN'", id)).isEqualTo(1);
    }

    @Test
    void aMessageThatAlwaysFailsIsQuarantinedWithItsBytesAndDoesNotBlockTheMailBehindIt() {
        String poisonId = newMessageId();
        String healthyId = newMessageId();
        int quarantineBefore = TestMail.deskFolderCount("Quarantine");
        byte[] poison = report(uniqueAddress("racun"), "Pesan beracun", "gagal terus",
                "Message-ID: " + poisonId, PoisonMessages.HEADER + ": yes");
        deliver("racun@example.org", poison);
        String reporter = uniqueAddress("sehat");
        deliver(reporter, report(reporter, "Pesan sehat sesudahnya", "isi", "Message-ID: " + healthyId));

        assertThat(awaitTicketOf(healthyId)).startsWith("TTIS-");
        await().atMost(PATIENCE).until(() -> TestMail.deskFolderCount("Quarantine") == quarantineBefore + 1);
        assertThat(ticketOf(poisonId)).isNull();
        List<byte[]> kept = jdbc.queryForList("SELECT raw FROM quarantine WHERE reason LIKE '%poison message%'",
                byte[].class);
        assertThat(kept).anySatisfy(raw -> assertThat(new String(raw, StandardCharsets.UTF_8)).contains(poisonId));
        assertThat(count("SELECT count(*) FROM logbook WHERE event = 'MESSAGE_QUARANTINED' AND detail LIKE ?",
                "%poison message%")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFailureInsideTheTransactionRollsBackEveryStageAndTheWholeMessageIsRetriedThenQuarantined() {
        String poisonId = newMessageId();
        int attemptsBefore = PoisonMessages.ATTEMPTS_INSIDE_TRANSACTION.get();
        deliver("racun@example.org", report(uniqueAddress("racun"), "Gagal di tengah transaksi", "isi",
                "Message-ID: " + poisonId, PoisonMessages.INSIDE_TRANSACTION + ": yes"));

        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM logbook WHERE event = 'MESSAGE_QUARANTINED'"
                + " AND detail LIKE ?", "%fails inside the transaction%") == 1);
        // taken in three times from the start of its transaction; what each attempt wrote is gone
        assertThat(PoisonMessages.ATTEMPTS_INSIDE_TRANSACTION.get() - attemptsBefore).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM logbook WHERE event = ? AND detail = ?", PoisonMessages.PROBE, poisonId))
                .isZero();
        assertThat(ticketOf(poisonId)).isNull();
        assertThat(count("SELECT count(*) FROM quarantine WHERE convert_from(raw, 'UTF8') LIKE ?", "%" + poisonId + "%"))
                .isEqualTo(1);
    }

    private String outboxStatus(String ticket) {
        return jdbc.queryForObject("""
                SELECT o.status FROM outbox o JOIN message m ON m.id = o.message_id JOIN ticket t ON t.id = m.ticket_id
                 WHERE t.number = ? AND m.kind = 'ACKNOWLEDGEMENT'
                """, String.class, ticket);
    }

    private static byte[] deskInboxMessage(String messageId) {
        return inboxOf(TestServers.DESK).stream()
                .filter(raw -> new String(raw, StandardCharsets.UTF_8).contains(messageId))
                .findFirst().orElse(null);
    }
}
