package id.go.trenggalekkab.csirt.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskProcess;
import id.go.trenggalekkab.csirt.support.IsolatedDesk;
import id.go.trenggalekkab.csirt.support.TcpProxy;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        IsolatedDesk desk = new IsolatedDesk("killed_desk");
        List<byte[]> reports = desk.reports(REPORTS);

        try (TcpProxy smtp = new TcpProxy(TestServers.smtpPort());
             DeskProcess process = desk.prepare(Map.of(DeskProcess.SMTP_PORT, String.valueOf(smtp.port())))) {
            assertThat(TestMail.putInInbox(desk.mailbox, reports)).isEmpty();
            // acknowledgements pile up in the outbox while SMTP is away, so that the kill
            // lands while a batch of them is going out and reports are still coming in
            smtp.refuse(true);
            process.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> desk.tickets() >= 100
                    || !process.isAlive());
            smtp.refuse(false);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
                    .until(() -> desk.count(ACCEPTED_BY_SMTP_BATCH_NOT_SETTLED) >= 3 || !process.isAlive());
            process.kill();
            assertThat(desk.tickets()).as("killed mid-batch (see %s)", process.log())
                    .isLessThan(REPORTS);
            assertThat(desk.count("SELECT count(*) FROM outbox WHERE status = 'PENDING'")).isPositive();

            process.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> desk.tickets() == REPORTS && desk.outboxDrained());
            process.stop();
        }

        desk.assertEveryReportOneTicketOneAcknowledgement(REPORTS, 1);
        assertThat(desk.count("SELECT count(*) FROM outbox_delivery")).isEqualTo(desk.count("SELECT count(*) FROM outbox"));
        assertThat(desk.count("""
                SELECT count(*) FROM (SELECT l.ticket_id FROM logbook l WHERE l.event = 'ACKNOWLEDGEMENT_SENT'
                                       GROUP BY l.ticket_id HAVING count(*) = 1) once
                """)).isEqualTo(REPORTS);
    }
}
