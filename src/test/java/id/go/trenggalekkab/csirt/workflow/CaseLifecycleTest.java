package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.support.TestMail.authenticatedCommand;
import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.parse;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Automatic mail promoted or dismissed, a case reopened, and a bounce of the desk's own mail. */
class CaseLifecycleTest extends DeskIntegrationTest {

    private static final String OFFICER = "petugas@trenggalekkab.go.id";

    @Test
    void automaticMailStartsNoClockUntilPromotedAndCanBeDismissed() {
        String promoted = automaticTicket();
        assertThat(status(promoted)).isEqualTo("AUTOMATIC");
        assertThat(count("SELECT count(*) FROM case_step s JOIN ticket t ON t.id = s.ticket_id WHERE t.number = ?",
                promoted)).isZero();
        command(promoted, "#jadikan-kasus", "Ternyata laporan sungguhan.");
        await().atMost(PATIENCE).until(() -> status(promoted).equals("VERIFICATION"));
        assertThat(jdbc.queryForObject("SELECT step_deadline IS NOT NULL FROM ticket WHERE number = ?", Boolean.class,
                promoted)).isTrue();

        String dismissed = automaticTicket();
        command(dismissed, "#abaikan", "Balasan otomatis cuti.");
        await().atMost(PATIENCE).until(() -> status(dismissed).equals("DISMISSED"));
    }

    @Test
    void aCaseJudgedNotAnIncidentTellsTheReporterWhyAndCanBeReopened() throws Exception {
        String reporter = uniqueAddress("bukan");
        String ticket = newCase(reporter, "Email mencurigakan");
        command(ticket, "#bukan-insiden", "Email itu pengumuman resmi BSSN, bukan phishing.");
        await().atMost(PATIENCE).until(() -> status(ticket).equals("NOT_AN_INCIDENT"));
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).stream().map(r -> new String(r, StandardCharsets.UTF_8))
                .anyMatch(m -> m.contains("Laporan bukan insiden")));
        assertThat(inboxOf(reporter).stream().map(r -> parse(r)).filter(m -> subject(m).contains("bukan insiden"))
                .map(CaseLifecycleTest::text).findFirst().orElseThrow())
                .contains("pengumuman resmi BSSN").doesNotContain("kutipan");

        command(ticket, "#buka-kembali", "Pelapor mengirim bukti baru.");
        await().atMost(PATIENCE).until(() -> status(ticket).equals("VERIFICATION"));
        assertThat(logbookEvents(ticket)).contains("COMMAND_APPLIED");
    }

    @Test
    void aBounceOfTheDesksOwnMailJoinsItsCaseAndMarksTheRecipientUndeliverable() throws Exception {
        String reporter = uniqueAddress("tak-terkirim");
        String ticket = newCase(reporter, "Laporan dari alamat yang akan mati");
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        String acknowledgement = new String(inboxOf(reporter).get(0), StandardCharsets.UTF_8);
        int ticketsBefore = count("SELECT count(*) FROM ticket");

        String dsn = "From: MAILER-DAEMON@mx.example.org\r\nTo: csirt@trenggalekkab.go.id\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: " + newMessageId() + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + reporter + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\n\r\n" + acknowledgement + "\r\n--b--\r\n";
        deliver("mailer-daemon@mx.example.org", dsn.getBytes(StandardCharsets.UTF_8));

        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("RECIPIENT_UNDELIVERABLE"));
        assertThat(count("SELECT count(*) FROM ticket")).isEqualTo(ticketsBefore);
        assertThat(jdbc.queryForObject("""
                SELECT p.undeliverable_reason FROM participant p JOIN ticket t ON t.id = p.ticket_id
                 WHERE t.number = ? AND p.address = ?
                """, String.class, ticket, reporter)).contains("5.1.1");
        assertThat(count("""
                SELECT count(*) FROM message m JOIN ticket t ON t.id = m.ticket_id
                 WHERE t.number = ? AND m.direction = 'IN' AND m.automatic
                """, ticket)).isEqualTo(1);
    }

    private String automaticTicket() {
        String id = newMessageId();
        String sender = uniqueAddress("otomatis");
        deliver(sender, report(sender, "Out of office", "Saya sedang cuti.", "Message-ID: " + id,
                "Auto-Submitted: auto-replied"));
        return awaitTicketOf(id);
    }

    private void command(String ticket, String commands, String body) {
        deliver(OFFICER, authenticatedCommand(OFFICER, ticket, commands, body + "\n\n> kutipan lama"));
    }

    private String status(String ticket) {
        return jdbc.queryForObject("SELECT status FROM ticket WHERE number = ?", String.class, ticket);
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (Exception e) {
            return "";
        }
    }

    private static String text(jakarta.mail.internet.MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            return "";
        }
    }
}
