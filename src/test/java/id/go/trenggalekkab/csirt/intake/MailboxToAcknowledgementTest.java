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
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SOP steps 1-3 end to end: an SMTP delivery to the desk becomes a ticket and an acknowledgement in the reporter's mailbox. */
class MailboxToAcknowledgementTest extends DeskIntegrationTest {

    @Test
    void aReportBecomesATicketAndTheReporterIsAcknowledgedInTheThread() throws Exception {
        String reporter = uniqueAddress("pelapor");
        String messageId = newMessageId();
        deliver(reporter, report("Budi Santoso <" + reporter + ">", "Situs dinas diretas",
                "Halaman depan situs dinas berisi iklan judi online.", "Message-ID: " + messageId));

        String ticket = awaitTicketOf(messageId);
        assertThat(ticket).matches("TTIS-\\d{4}-\\d{5}");

        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        byte[] raw = inboxOf(reporter).get(0);
        MimeMessage ack = parse(raw);
        assertThat(ack.getSubject()).isEqualTo("[" + ticket + "] Laporan diterima: Situs dinas diretas");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo(messageId);
        assertThat(ack.getHeader("References", null)).contains(messageId);
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(ack.getHeader("X-TTIS-Loop", null)).isEqualTo("csirt@trenggalekkab.go.id");
        String body = (String) ack.getContent();
        assertThat(body).contains(ticket).contains("20 menit").contains("SHA-256");

        // the acknowledgement's own Message-ID is stored on the ticket, and the desk logged every step
        assertThat(count("SELECT count(*) FROM message WHERE message_id = ? AND direction = 'OUT'",
                ack.getMessageID())).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("ACKNOWLEDGEMENT_SENT"));
        assertThat(logbookEvents(ticket)).containsSubsequence(
                "MESSAGE_RECEIVED", "TICKET_CREATED", "ACKNOWLEDGEMENT_QUEUED", "ACKNOWLEDGEMENT_SENT");

        // the stored raw message hashes to what the acknowledgement quotes
        byte[] stored = jdbc.queryForObject(
                "SELECT raw FROM message WHERE message_id = ? AND direction = 'IN'", byte[].class, messageId);
        assertThat(body).contains(Sha256.hex(stored));
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("iklan judi online");
    }

    @Test
    void processedMailIsMovedOutOfTheInboxNotDeleted() {
        String reporter = uniqueAddress("pindah");
        String messageId = newMessageId();
        int processedBefore = TestMail.deskFolderCount("Processed");
        deliver(reporter, report(reporter, "Phishing mengatasnamakan Pemkab", "Tautan mencurigakan.",
                "Message-ID: " + messageId));
        awaitTicketOf(messageId);
        await().atMost(PATIENCE).until(() -> TestMail.deskFolderCount("Processed") > processedBefore);
        await().atMost(PATIENCE).until(() -> TestMail.deskFolderCount("INBOX") == 0);
    }
}
