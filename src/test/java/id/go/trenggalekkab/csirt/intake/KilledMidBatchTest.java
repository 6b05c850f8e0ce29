package id.go.trenggalekkab.csirt.intake;

import static id.go.trenggalekkab.csirt.support.DeskDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskProcess;
import id.go.trenggalekkab.csirt.support.TcpProxy;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The desk killed with SIGKILL in the middle of a batch of 200 reports, then started
 * again: every report is a ticket exactly once and every acknowledgement has gone out.
 *
 * <p>Exactly once at the SMTP boundary is impossible for anyone: a mail the server has
 * accepted (250) whose receipt was not yet committed when the process died is sent again
 * on restart. The desk narrows that window to the one mail in flight and re-sends it with
 * the same Message-ID, so mail clients show it once. The test holds the desk to that:
 * one Message-ID per reporter, and at most one extra copy in all.
 */
class KilledMidBatchTest {

    private static final int REPORTS = 200;
    private static final String ACCEPTED_BY_SMTP_BATCH_NOT_SETTLED = """
            SELECT count(*) FROM outbox o JOIN outbox_delivery d ON d.outbox_id = o.id WHERE o.status = 'PENDING'
            """;

    @Test
    void killedMidBatchEveryReportIsOneTicketAndEveryAcknowledgementGoesOut() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String mailbox = "killed-desk-" + run + "@trenggalekkab.go.id";
        String reporterDomain = "killtest-" + run + ".example.org";
        String database = "killed_desk_" + run;
        List<byte[]> reports = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            String reporter = "pelapor-" + i + "@" + reporterDomain;
            reports.add(TestMail.report(reporter, "Laporan insiden nomor " + i, "Situs kami diretas, laporan " + i + "."));
        }

        try (TcpProxy smtp = new TcpProxy(TestServers.smtpPort());
             DeskProcess desk = DeskProcess.prepare(database, mailbox, List.of("-Xmx512m"),
                     Map.of(DeskProcess.SMTP_PORT, String.valueOf(smtp.port())))) {
            assertThat(TestMail.putInInbox(mailbox, reports)).isEmpty();
            // acknowledgements pile up in the outbox while SMTP is away, so that the kill
            // lands while a batch of them is going out and reports are still coming in
            smtp.refuse(true);
            desk.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> count(database, "SELECT count(*) FROM ticket") >= 100
                    || !desk.isAlive());
            smtp.refuse(false);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
                    .until(() -> count(database, ACCEPTED_BY_SMTP_BATCH_NOT_SETTLED) >= 3 || !desk.isAlive());
            desk.kill();
            assertThat(count(database, "SELECT count(*) FROM ticket")).as("killed mid-batch (see %s)", desk.log())
                    .isLessThan(REPORTS);
            assertThat(count(database, "SELECT count(*) FROM outbox WHERE status = 'PENDING'")).isPositive();

            desk.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> count(database,
                    "SELECT count(*) FROM ticket") == REPORTS
                    && count(database, "SELECT count(*) FROM outbox WHERE status <> 'SENT'") == 0);
            desk.stop();
        }

        assertThat(count(database, "SELECT count(*) FROM message WHERE direction = 'IN'")).isEqualTo(REPORTS);
        assertThat(count(database, "SELECT count(DISTINCT raw_sha256) FROM message WHERE direction = 'IN'")).isEqualTo(REPORTS);
        assertThat(count(database, "SELECT count(*) FROM outbox_delivery")).isEqualTo(count(database, "SELECT count(*) FROM outbox"));
        assertThat(count(database, """
                SELECT count(*) FROM (SELECT l.ticket_id FROM logbook l WHERE l.event = 'ACKNOWLEDGEMENT_SENT'
                                       GROUP BY l.ticket_id HAVING count(*) = 1) once
                """)).isEqualTo(REPORTS);

        Map<String, List<String>> acknowledgements = TestMail.messageIdsByRecipient(reporterDomain);
        assertThat(acknowledgements).hasSize(REPORTS);
        assertThat(acknowledgements.values()).allSatisfy(ids -> assertThat(new HashSet<>(ids)).hasSize(1));
        assertThat(acknowledgements.values().stream().mapToInt(List::size).sum())
                .as("copies of acknowledgements; at most the one in flight at the kill is repeated")
                .isBetween(REPORTS, REPORTS + 1);
    }
}
