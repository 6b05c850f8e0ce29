package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.parse;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Automatic mail promoted or dismissed, a case reopened, and a bounce of the desk's own mail. */
class CaseLifecycleTest extends DeskIntegrationTest {

    @Test
    void automaticMailStartsNoClockUntilPromotedAndCanBeDismissed() {
        String promoted = automaticTicket();
        assertThat(step(promoted)).isEqualTo(CaseStep.AUTOMATIC);
        assertThat(ticket(promoted).path("history").size()).isZero();
        command(People.OFFICER, promoted, "#jadikan-kasus", "Ternyata laporan sungguhan.");
        await().atMost(PATIENCE).until(() -> step(promoted) == CaseStep.VERIFICATION);
        assertThat(ticket(promoted).path("stepDeadline").isNull()).isFalse();

        String dismissed = automaticTicket();
        command(People.OFFICER, dismissed, "#abaikan", "Balasan otomatis cuti.");
        await().atMost(PATIENCE).until(() -> step(dismissed) == CaseStep.DISMISSED);
    }

    @Test
    void aCaseJudgedNotAnIncidentTellsTheReporterWhyAndCanBeReopened() throws Exception {
        String reporter = uniqueAddress("bukan");
        String ticket = newCase(reporter, "Email mencurigakan");
        command(People.OFFICER, ticket, "#bukan-insiden", "Email itu pengumuman resmi BSSN, bukan phishing.");
        await().atMost(PATIENCE).until(() -> step(ticket) == CaseStep.NOT_AN_INCIDENT);
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).stream().map(r -> new String(r, StandardCharsets.UTF_8))
                .anyMatch(m -> m.contains("Laporan bukan insiden")));
        assertThat(inboxOf(reporter).stream().map(r -> parse(r)).filter(m -> TestMail.subjectOf(m).contains("bukan insiden"))
                .map(CaseLifecycleTest::text).findFirst().orElseThrow())
                .contains("pengumuman resmi BSSN").doesNotContain("kutipan");

        command(People.OFFICER, ticket, "#buka-kembali", "Pelapor mengirim bukti baru.");
        await().atMost(PATIENCE).until(() -> step(ticket) == CaseStep.VERIFICATION);
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
        assertThat(ticket(ticket).path("messages").findParents("direction").stream()
                .filter(m -> m.path("direction").asText().equals("IN") && m.path("automatic").asBoolean())).hasSize(1);
    }

    private String automaticTicket() {
        String id = newMessageId();
        String sender = uniqueAddress("otomatis");
        deliver(sender, report(sender, "Out of office", "Saya sedang cuti.", "Message-ID: " + id,
                "Auto-Submitted: auto-replied"));
        return awaitTicketOf(id);
    }


    private static String text(jakarta.mail.internet.MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            return "";
        }
    }
}
