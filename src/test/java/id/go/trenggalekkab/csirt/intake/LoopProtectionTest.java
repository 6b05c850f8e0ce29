package id.go.trenggalekkab.csirt.intake;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestMail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mail that must never be answered still becomes a ticket, flagged automatic, with the
 * suppression and its reason in the logbook; and no sender gets more than five
 * acknowledgements an hour.
 */
class LoopProtectionTest extends DeskIntegrationTest {

    @Test
    void noAcknowledgementToMailThatAMachineSent() throws Exception {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("auto-submitted", new String[] {uniqueAddress("ooo"), "Auto-Submitted: auto-replied"});
        cases.put("precedence", new String[] {uniqueAddress("bulk"), "Precedence: bulk"});
        cases.put("list-id", new String[] {uniqueAddress("list"), "List-Id: <berita.example.org>"});
        cases.put("list-unsubscribe", new String[] {uniqueAddress("news"), "List-Unsubscribe: <mailto:u@example.org>"});
        cases.put("x-auto-response-suppress", new String[] {uniqueAddress("exch"), "X-Auto-Response-Suppress: All"});
        cases.put("empty-return-path", new String[] {uniqueAddress("dsn"), "X-Case: null sender"});
        cases.put("own-loop-header", new String[] {uniqueAddress("fwd"), "X-TTIS-Loop: csirt@trenggalekkab.go.id"});
        cases.put("report", new String[] {uniqueAddress("mdn"), null});
        cases.put("mailer-daemon", new String[] {"mailer-daemon@" + uniqueAddress("mx").split("@")[0] + ".example.org", "X-Case: daemon"});
        cases.put("desk-itself", new String[] {"csirt@trenggalekkab.go.id", "X-Case: self"});

        List<String> messageIds = new ArrayList<>();
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String id = newMessageId();
            messageIds.add(id);
            String from = c.getValue()[0];
            byte[] raw = c.getValue()[1] != null
                    ? report(from, "Auto: " + c.getKey(), "otomatis", "Message-ID: " + id, c.getValue()[1])
                    : ("From: " + from + "\r\nSubject: Read: laporan\r\nMessage-ID: " + id + "\r\nMIME-Version: 1.0\r\n"
                            + "Content-Type: multipart/report; report-type=disposition-notification; boundary=r\r\n\r\n"
                            + "--r\r\nContent-Type: text/plain\r\n\r\ndibaca\r\n--r--\r\n").getBytes();
            if (c.getKey().equals("empty-return-path")) {
                // GreenMail's SMTP refuses MAIL FROM:<>; a delivery agent stores a bounce like this
                byte[] stored = new byte[raw.length + "Return-Path: <>\r\n".length()];
                System.arraycopy("Return-Path: <>\r\n".getBytes(), 0, stored, 0, 17);
                System.arraycopy(raw, 0, stored, 17, raw.length);
                TestMail.putInDeskInbox(List.of(stored));
            } else {
                deliver("sender@example.org", raw);
            }
        }
        for (String id : messageIds) {
            String ticket = awaitTicketOf(id);
            await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("ACKNOWLEDGEMENT_SUPPRESSED"));
            assertThat(count("SELECT count(*) FROM ticket WHERE number = ? AND automatic AND status = 'AUTOMATIC'",
                    ticket)).as(ticket).isEqualTo(1);
            assertThat(jdbc.queryForObject("""
                    SELECT detail FROM logbook l JOIN ticket t ON t.id = l.ticket_id
                     WHERE t.number = ? AND l.event = 'ACKNOWLEDGEMENT_SUPPRESSED'
                    """, String.class, ticket)).startsWith("automatic mail: ");
        }
        awaitQuiet();
        for (String[] c : cases.values()) {
            assertThat(inboxOf(c[0])).as("mailbox of " + c[0]).isEmpty();
        }
        assertThat(count("SELECT count(*) FROM message WHERE kind = 'ACKNOWLEDGEMENT' AND to_address = ANY (?)",
                (Object) cases.values().stream().map(c -> c[0]).toArray(String[]::new))).isZero();
    }

    @Test
    void atMostFiveAcknowledgementsPerSenderPerHour() {
        String sender = uniqueAddress("banjir");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = newMessageId();
            ids.add(id);
            deliver(sender, report(sender, "Laporan ke-" + i, "isi " + i, "Message-ID: " + id));
        }
        ids.forEach(this::awaitTicketOf);
        await().atMost(PATIENCE).until(() -> inboxOf(sender).size() == 5);
        assertThat(count("""
                SELECT count(*) FROM logbook WHERE event = 'ACKNOWLEDGEMENT_SUPPRESSED' AND detail LIKE 'rate limit:%'
                   AND ticket_id IN (SELECT ticket_id FROM message WHERE from_address = ?)
                """, sender)).isEqualTo(2);
    }
}
