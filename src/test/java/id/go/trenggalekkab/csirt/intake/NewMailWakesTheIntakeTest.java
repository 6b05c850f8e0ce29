package id.go.trenggalekkab.csirt.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskProcess;
import id.go.trenggalekkab.csirt.support.IsolatedDesk;
import id.go.trenggalekkab.csirt.support.TcpProxy;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * New mail starts a poll at once (IMAP IDLE), so a flood is taken in from its first
 * message instead of after up to a poll delay: measured, the first poll of a 500-report
 * flood came 5 s late, half the flood's time. The commit that queued its acknowledgement
 * sends it at once, not at the outbox's next interval. A quiet mailbox is still asked once
 * per delay, and a server that refuses IDLE leaves the desk polling as before.
 */
class NewMailWakesTheIntakeTest {

    @Test
    void mailArrivingAtAQuietDeskIsTakenInAtOnceNotAfterThePollDelay() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("idle_wakes");
        try (TcpProxy imap = new TcpProxy(TestServers.imapPort());
             DeskProcess process = desk.prepareReadingThrough(imap, Map.of("csirt.imap.poll-delay", "600000",
                     "csirt.outbox.poll-interval", "600000"))) {
            process.start();
            // the first poll has found the inbox empty and the watcher is idling: the next poll is ten minutes away
            await().atMost(Duration.ofMinutes(2)).until(() -> (polls(imap) >= 1 && idles(imap) >= 1) || !process.isAlive());
            assertThat(process.isAlive()).as("desk alive (see %s)", process.log()).isTrue();
            Thread.sleep(1000);
            long pollsWhileQuiet = polls(imap);

            assertThat(TestMail.putInInbox(desk.mailbox, desk.reports(3))).isEmpty();
            await().atMost(Duration.ofSeconds(60)).until(() -> desk.tickets() == 3);
            // the outbox's interval is ten minutes too: the reports' commits wake it
            await("acknowledgements sent at once").atMost(Duration.ofSeconds(60))
                    .until(() -> desk.folderCount("INBOX") == 0 && desk.outboxDrained());
            // one that took mail in, the greedy one after it, one more for arrivals seen while the first ran
            Thread.sleep(2_000);
            assertThat(polls(imap) - pollsWhileQuiet).as("polls for one arrival of three messages").isBetween(1L, 4L);

            long pollsAfter = polls(imap);
            Thread.sleep(6_000);
            assertThat(polls(imap)).as("no new mail, no poll: the desk's own moves do not wake it").isEqualTo(pollsAfter);
        }
        desk.assertEveryReportOneTicketOneAcknowledgement(3, 0);
    }

    @Test
    void aServerRefusingIdleLeavesTheDeskOnItsPollDelay() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("idle_refused");
        try (TcpProxy imap = new TcpProxy(TestServers.imapPort());
             DeskProcess process = desk.prepareReadingThrough(imap, Map.of("csirt.imap.poll-delay", "1000"))) {
            imap.answerInsteadWith(Pattern.compile("^\\S+ IDLE$"),
                    line -> line.substring(0, line.indexOf(' ')) + " BAD IDLE not allowed here");
            process.start();
            assertThat(TestMail.putInInbox(desk.mailbox, desk.reports(4))).isEmpty();
            await().atMost(Duration.ofMinutes(2)).until(() -> (desk.tickets() == 4 && desk.outboxDrained()) || !process.isAlive());
            assertThat(process.isAlive()).as("desk alive (see %s)", process.log()).isTrue();

            long connectionsBefore = imap.clientLines().size();
            Thread.sleep(8_000);
            // the watcher retries with a growing pause (1 s, 2 s, 3 s, ...): a handful of connections, not a loop
            assertThat(imap.clientLines().size() - connectionsBefore).as("IMAP connections in 8 s").isLessThan(6);
        }
        desk.assertEveryReportOneTicketOneAcknowledgement(4, 0);
    }

    /** The desk's polls through the proxy: each lists the waiting UIDs once. */
    private static long polls(TcpProxy imap) {
        return imap.clientLinesContaining(" UID SEARCH ");
    }

    private static long idles(TcpProxy imap) {
        return imap.clientLinesContaining(" IDLE");
    }
}
