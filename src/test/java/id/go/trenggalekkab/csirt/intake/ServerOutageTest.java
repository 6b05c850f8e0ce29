package id.go.trenggalekkab.csirt.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskProcess;
import id.go.trenggalekkab.csirt.support.IsolatedDesk;
import id.go.trenggalekkab.csirt.support.TcpProxy;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The servers the desk depends on go away for a minute while it works, and come back.
 * The desk runs as its own process and reaches each server through a {@link TcpProxy}
 * that, when the server "goes down", cuts the open connections and refuses new ones, as
 * a stopped PostgreSQL or a restarting IMAP server does. The test reads the desk's
 * database and the mailboxes directly, around the proxies.
 */
class ServerOutageTest {

    private static final Duration OUTAGE = Duration.ofMinutes(1);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void postgresqlDownForAMinuteDuringIntakeLosesAndDuplicatesNothing() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("pg_outage");
        List<byte[]> reports = desk.reports(100);
        try (TcpProxy postgres = new TcpProxy(TestServers.postgres().getPort());
             DeskProcess process = desk.prepare(Map.of(
                     DeskProcess.DATABASE_URL, DeskProcess.databaseUrl(desk.database, postgres.port()),
                     // fail fast while the database is away, so the poll gives up and tries again
                     "spring.datasource.hikari.connection-timeout", "2000"))) {
            process.start();
            assertThat(TestMail.putInInbox(desk.mailbox, reports)).isEmpty();
            await().atMost(PATIENCE).until(() -> desk.tickets() >= 20 || !process.isAlive());

            postgres.goDown();
            Thread.sleep(2000);
            long ticketsWhenDown = desk.tickets();
            Thread.sleep(OUTAGE.toMillis() - 2000);
            assertThat(process.isAlive()).isTrue();
            assertThat(desk.tickets()).as("nothing can be stored while the database is down").isEqualTo(ticketsWhenDown);
            assertThat(ticketsWhenDown).as("the outage began during intake").isLessThan(reports.size());
            assertThat((long) desk.folderCount("INBOX")).as("the rest waits in the mailbox")
                    .isGreaterThanOrEqualTo(reports.size() - ticketsWhenDown);
            postgres.refuse(false);

            await().atMost(PATIENCE).until(() -> desk.tickets() == reports.size() && desk.outboxDrained());
            process.stop();
        }
        desk.assertEveryReportOneTicketOneAcknowledgement(reports.size(), 1);
    }

    @Test
    void imapAndSmtpDownForAMinuteTheOutboxDrainsInOrderEachMailOnce() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("mail_outage");
        List<byte[]> before = desk.reports(30);
        List<byte[]> during = desk.reports(30);
        try (TcpProxy imap = new TcpProxy(TestServers.imapPort());
             TcpProxy smtp = new TcpProxy(TestServers.smtpPort());
             DeskProcess process = desk.prepareReadingThrough(imap, Map.of(DeskProcess.SMTP_PORT, String.valueOf(smtp.port())))) {
            smtp.goDown();
            process.start();
            assertThat(TestMail.putInInbox(desk.mailbox, before)).isEmpty();
            await().atMost(PATIENCE).until(() -> desk.tickets() == before.size() || !process.isAlive());

            imap.goDown();
            assertThat(TestMail.putInInbox(desk.mailbox, during)).isEmpty();
            Thread.sleep(OUTAGE.toMillis());
            assertThat(process.isAlive()).isTrue();
            assertThat(desk.tickets()).isEqualTo(before.size());
            assertThat(TestMail.messageIdsByRecipient(desk.reporterDomain)).as("nothing sent while SMTP refuses").isEmpty();
            imap.refuse(false);
            smtp.refuse(false);

            await().atMost(PATIENCE).until(() -> desk.tickets() == before.size() + during.size() && desk.outboxDrained());
            process.stop();
        }
        desk.assertEveryReportOneTicketOneAcknowledgement(before.size() + during.size(), 0);
        assertThat(desk.count("""
                SELECT count(*) FROM (SELECT d.delivered_at < lag(d.delivered_at) OVER (ORDER BY o.id) AS out_of_order
                                        FROM outbox o JOIN outbox_delivery d ON d.outbox_id = o.id) x
                 WHERE out_of_order
                """)).as("mail left in the order it was queued").isZero();
    }

    @Test
    void aConnectionLostWhileFilingAwayBlamesNoMessageAndTheNextPollFilesThemAway() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("move_cut");
        try (TcpProxy imap = new TcpProxy(TestServers.imapPort());
             DeskProcess process = desk.prepareReadingThrough(imap, Map.of("csirt.imap.poll-delay", "1000"))) {
            // the server breaks the connection whenever mail is moved (GreenMail's own race does it under floods)
            imap.cutWhenClientSends(Pattern.compile("UID MOVE "));
            assertThat(TestMail.putInInbox(desk.mailbox, desk.reports(4))).isEmpty();
            process.start();
            await().atMost(PATIENCE).until(() -> (desk.tickets() == 4
                    && Files.readString(process.log()).contains("not moved")) || !process.isAlive());
            assertThat(process.isAlive()).as("desk alive (see %s)", process.log()).isTrue();
            assertThat(Files.readString(process.log())).as("a lost connection is no message's fault")
                    .doesNotContain("the server will not move it");
            imap.cutWhenClientSends(null);
            await().atMost(PATIENCE).until(() -> desk.folderCount("INBOX") == 0 && desk.outboxDrained());
            assertThat(desk.folderCount("Processed")).isEqualTo(4);
        }
        desk.assertEveryReportOneTicketOneAcknowledgement(4, 0);
        assertThat(desk.count("SELECT count(*) FROM quarantine")).isZero();
    }

    @Test
    void aMessageTheImapServerNeverHandsOverIsQuarantinedAndTheMailBehindItGoesOn() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("unserved");
        List<byte[]> reports = desk.reports(3);
        try (TcpProxy imap = new TcpProxy(TestServers.imapPort());
             DeskProcess process = desk.prepareReadingThrough(imap, Map.of())) {
            // the server breaks the connection whenever the first message's body is asked for
            imap.cutWhenClientSends(Pattern.compile("UID FETCH 1 \\("));
            assertThat(TestMail.putInInbox(desk.mailbox, reports)).isEmpty();
            process.start();
            await().atMost(PATIENCE).until(() -> desk.folderCount("Quarantine") == 1 || !process.isAlive());
            imap.cutWhenClientSends(null);
            await().atMost(PATIENCE).until(() -> desk.tickets() == 2 && desk.outboxDrained());
            process.stop();
        }
        assertThat(desk.folderCount("INBOX")).isZero();
        assertThat(desk.count("SELECT count(*) FROM quarantine WHERE reason LIKE '%failed "
                + UnservedMessages.GIVE_UP_AFTER + " times in a row to hand over%'")).isEqualTo(1);
        assertThat(desk.count("SELECT count(*) FROM logbook WHERE event = 'MESSAGE_QUARANTINED'")).isEqualTo(1);
        assertThat(TestMail.messageIdsByRecipient(desk.reporterDomain)).hasSize(2).containsKeys(
                "pelapor-1@" + desk.reporterDomain, "pelapor-2@" + desk.reporterDomain);
    }
}
