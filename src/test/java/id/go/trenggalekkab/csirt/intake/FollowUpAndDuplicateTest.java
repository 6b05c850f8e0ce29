package id.go.trenggalekkab.csirt.intake;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.parse;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.system.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Follow-ups join their ticket; the same message twice is one ticket; evidence keeps its hash. */
class FollowUpAndDuplicateTest extends DeskIntegrationTest {

    @Test
    void followUpsByTagAndByInReplyToJoinTheTicketWithoutANewAcknowledgement() throws Exception {
        String reporter = uniqueAddress("susulan");
        String first = newMessageId();
        deliver(reporter, report(reporter, "Data pribadi bocor", "Laporan awal.", "Message-ID: " + first));
        String ticket = awaitTicketOf(first);
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        String ackId = parse(inboxOf(reporter).get(0)).getMessageID();

        String byTag = newMessageId();
        deliver(reporter, report(reporter, "Re: [" + ticket + "] Laporan diterima: Data pribadi bocor",
                "Tambahan bukti.", "Message-ID: " + byTag));
        String byThread = newMessageId();
        deliver(reporter, report(reporter, "subjek diubah oleh klien", "Balasan tanpa tag.",
                "Message-ID: " + byThread, "In-Reply-To: " + ackId, "References: " + first + " " + ackId));

        assertThat(awaitTicketOf(byTag)).isEqualTo(ticket);
        assertThat(awaitTicketOf(byThread)).isEqualTo(ticket);
        assertThat(count("SELECT count(*) FROM message m JOIN ticket t ON t.id = m.ticket_id "
                + "WHERE t.number = ? AND m.direction = 'IN'", ticket)).isEqualTo(3);
        assertThat(logbookEvents(ticket)).filteredOn("FOLLOW_UP_ADDED"::equals).hasSize(2);
        awaitQuiet();
        assertThat(inboxOf(reporter)).hasSize(1);
        assertThat(count("SELECT count(*) FROM message m JOIN ticket t ON t.id = m.ticket_id "
                + "WHERE t.number = ? AND m.direction = 'OUT' AND m.to_address = ?", ticket, reporter)).isEqualTo(1);
    }

    @Test
    void anUnknownTagOpensANewTicket() {
        String reporter = uniqueAddress("tagpalsu");
        String id = newMessageId();
        deliver(reporter, report(reporter, "[TTIS-1999-99999] tiket yang tidak ada", "isi", "Message-ID: " + id));
        assertThat(awaitTicketOf(id)).isNotEqualTo("TTIS-1999-99999").startsWith("TTIS-");
    }

    @Test
    void theSameMessageDeliveredTwiceMakesOneTicketAndOneAcknowledgement() throws Exception {
        String reporter = uniqueAddress("ganda");
        String messageId = newMessageId();
        byte[] raw = report(reporter, "Ransomware di PD", "File terenkripsi.", "Message-ID: " + messageId);
        TestMail.putInDeskInbox(List.of(raw, raw));
        String ticket = awaitTicketOf(messageId);
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("MESSAGE_DUPLICATE"));
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        awaitQuiet();
        assertThat(inboxOf(reporter)).hasSize(1);
        assertThat(count("SELECT count(*) FROM message WHERE message_id = ? AND direction = 'IN'", messageId))
                .isEqualTo(1);
    }

    @Test
    void anotherCopyOfAKnownMessageIdIsKeptOnItsTicketNotAsANewOne() {
        String reporter = uniqueAddress("salinan");
        String messageId = newMessageId();
        deliver(reporter, report(reporter, "DDoS situs", "Situs lambat.", "Message-ID: " + messageId));
        String ticket = awaitTicketOf(messageId);
        // the same mail by another route: another Received trail, so other bytes
        deliver(reporter, report(reporter, "DDoS situs", "Situs lambat.", "Message-ID: " + messageId,
                "Received: from relay.example.org by mx.example.org; Sun, 29 Nov 2026 20:00:05 +0700"));
        await().atMost(PATIENCE).until(() -> count(
                "SELECT count(*) FROM message WHERE message_id = ? AND direction = 'IN'", messageId) == 2);
        assertThat(count("SELECT count(DISTINCT ticket_id) FROM message WHERE message_id = ?", messageId))
                .isEqualTo(1);
        assertThat(logbookEvents(ticket)).contains("FOLLOW_UP_ADDED");
    }

    @Test
    void attachmentsAreStoredWithTheHashOfTheBytesSent() throws Exception {
        String reporter = uniqueAddress("lampiran");
        String messageId = newMessageId();
        byte[] evidence = new byte[300_000];
        new Random(7).nextBytes(evidence);
        String raw = "From: " + reporter + "\r\nTo: csirt@trenggalekkab.go.id\r\nSubject: Bukti defacement\r\n"
                + "Message-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\n"
                + "Terlampir.\r\n--zz\r\nContent-Type: image/png\r\n"
                + "Content-Disposition: attachment; filename=\"tangkapan layar.png\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(evidence)
                + "\r\n--zz--\r\n";
        deliver(reporter, raw.getBytes(StandardCharsets.US_ASCII));
        String ticket = awaitTicketOf(messageId);
        assertThat(jdbc.queryForList("""
                SELECT a.sha256 FROM attachment a JOIN message m ON m.id = a.message_id
                 WHERE m.message_id = ? AND a.filename = 'tangkapan layar.png' AND a.size = 300000
                """, String.class, messageId)).containsExactly(Sha256.hex(evidence));
        byte[] stored = jdbc.queryForObject("""
                SELECT a.content FROM attachment a JOIN message m ON m.id = a.message_id WHERE m.message_id = ?
                """, byte[].class, messageId);
        assertThat(stored).isEqualTo(evidence);
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        assertThat((String) parse(inboxOf(reporter).get(0)).getContent())
                .contains("tangkapan layar.png").contains(Sha256.hex(evidence)).contains(ticket);
    }
}
