package id.go.trenggalekkab.csirt.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskProcess;
import id.go.trenggalekkab.csirt.support.IsolatedDesk;
import id.go.trenggalekkab.csirt.support.TcpProxy;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A flood (a defacement wave, a bounce storm) is drained poll after poll without waiting
 * the poll delay between them; the delay is waited only after a poll that committed
 * nothing new, so a quiet mailbox is not polled busily and a message that cannot be filed
 * away cannot keep the intake spinning.
 */
class DrainingTheInboxTest {

    @Test
    void aFloodIsTakenInPollAfterPollWithoutWaitingTheDelayBetween() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("flood_drained");
        // ten minutes between polls and ten mails per poll: waiting the delay, 45 reports would take 40 minutes
        try (DeskProcess process = desk.prepare(Map.of("csirt.imap.poll-delay", "600000",
                "csirt.imap.max-messages-per-poll", "10"))) {
            assertThat(TestMail.putInInbox(desk.mailbox, desk.reports(45))).isEmpty();
            process.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> desk.tickets() == 45 || !process.isAlive());
            assertThat(process.isAlive()).as("desk alive (see %s)", process.log()).isTrue();
            await().atMost(Duration.ofMinutes(1)).until(() -> desk.folderCount("INBOX") == 0 && desk.outboxDrained());
        }
        desk.assertEveryReportOneTicketOneAcknowledgement(45, 0);
        assertThat(desk.count("SELECT count(*) FROM logbook WHERE event = 'MESSAGE_DUPLICATE'"))
                .as("no poll read mail another poll was still taking in").isZero();
    }

    @Test
    void inLanesSideBySideAReplyInTheSamePollAsItsReportStillFindsItsTicketAndNumbersStayGapless() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("lanes_replies");
        List<byte[]> inbox = new ArrayList<>();
        Map<String, String> replyToReport = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String reportId = "<laporan-" + i + "-" + UUID.randomUUID() + "@" + desk.reporterDomain + ">";
            inbox.add(TestMail.report("pelapor-" + i + "@" + desk.reporterDomain, "Laporan insiden " + i,
                    "Situs dinas diretas (" + i + ").", "Message-ID: " + reportId));
            if (i % 4 == 0) {
                // a colleague adds to the report before the desk has read either
                String replyId = "<tambahan-" + i + "-" + UUID.randomUUID() + "@rekan.example>";
                inbox.add(TestMail.report("rekan-" + i + "@rekan.example", "Re: Laporan insiden " + i,
                        "Tambahan: halaman login juga berubah.", "Message-ID: " + replyId, "In-Reply-To: " + reportId,
                        "References: " + reportId));
                replyToReport.put(replyId, reportId);
            }
        }
        try (DeskProcess process = desk.prepare(Map.of("csirt.imap.intake-lanes", "2",
                "csirt.imap.max-messages-per-poll", "100"))) {
            assertThat(TestMail.putInInbox(desk.mailbox, inbox)).isEmpty();
            process.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> desk.count("SELECT count(*) FROM message WHERE direction = 'IN'")
                    == inbox.size() || !process.isAlive());
            assertThat(process.isAlive()).as("desk alive (see %s)", process.log()).isTrue();
            await().atMost(Duration.ofMinutes(1)).until(() -> desk.folderCount("INBOX") == 0 && desk.outboxDrained());
        }
        assertThat(desk.tickets()).as("one ticket per report, none for a reply").isEqualTo(40);
        for (Map.Entry<String, String> reply : replyToReport.entrySet()) {
            assertThat(desk.count("SELECT count(*) FROM message r JOIN message f ON f.ticket_id = r.ticket_id"
                    + " WHERE r.message_id = '" + reply.getValue() + "' AND f.message_id = '" + reply.getKey()
                    + "' AND f.kind = 'FOLLOW_UP'")).as("reply %s on its report's ticket", reply.getKey()).isEqualTo(1);
        }
        assertThat(desk.count("SELECT max(sequence) FROM ticket")).as("numbers 1..40, none skipped").isEqualTo(40);
        assertThat(desk.count("SELECT count(*) FROM logbook WHERE event = 'MESSAGE_DUPLICATE'")).isZero();
    }

    @Test
    void mailTheServerWillNotMoveIsRecognisedOncePerPollDelayNotInATightLoop() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("unmovable");
        try (TcpProxy imap = new TcpProxy(TestServers.imapPort());
             DeskProcess process = desk.prepareReadingThrough(imap, Map.of("csirt.imap.poll-delay", "1000"))) {
            // the server refuses every move: committed mail stays in the inbox and is read again
            imap.answerInsteadWith(Pattern.compile("^\\S+ UID MOVE "),
                    line -> line.substring(0, line.indexOf(' ')) + " NO [CANNOT] the mailbox is read-only");
            assertThat(TestMail.putInInbox(desk.mailbox, desk.reports(5))).isEmpty();
            process.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> (desk.tickets() == 5 && desk.outboxDrained())
                    || !process.isAlive());
            assertThat(process.isAlive()).as("desk alive (see %s)", process.log()).isTrue();

            long pollsBefore = polls(imap);
            Thread.sleep(8_000);
            long polls = polls(imap) - pollsBefore;
            // one poll per second of delay (plus the time a poll takes): a loop without pause makes hundreds
            assertThat(polls).as("polls of the inbox in 8 s with a 1 s delay").isBetween(2L, 10L);
            assertThat(desk.folderCount("INBOX")).as("the unmoved mail is still there, nothing lost").isEqualTo(5);
        }
        desk.assertEveryReportOneTicketOneAcknowledgement(5, 0);
        assertThat(desk.count("SELECT count(*) FROM logbook WHERE event = 'MESSAGE_DUPLICATE'"))
                .as("each re-read recognised as taken in before").isGreaterThanOrEqualTo(5);
    }

    /** The desk's polls through the proxy: each lists the waiting UIDs once. */
    private static long polls(TcpProxy imap) {
        return imap.clientLinesContaining(" UID SEARCH ");
    }
}
