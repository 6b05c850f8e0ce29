package id.go.trenggalekkab.csirt.security;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.PdfText;
import id.go.trenggalekkab.csirt.support.People;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Attacks on who the desk believes, through the real mailbox. */
class WhoIsBelievedTest extends DeskIntegrationTest {

    private static final String PASS = "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=";

    @Test
    void aForgedResultBelowAnotherServersReceivedFieldDoesNotCommand() {
        String ticket = newCase(uniqueAddress("relai"), "Laporan yang diincar");
        // the attacker's own relay handed on a header block that claims the desk's authserv-id
        deliver("x@evil.example", report(People.OFFICER, "Re: [" + ticket + "] #bukan-insiden", "Tutup.",
                "Message-ID: " + newMessageId(),
                "Received: from evil.example by relay.evil.example with SMTP; Tue, 1 Dec 2026 18:59:00 +0700",
                PASS + "trenggalekkab.go.id"));
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("SECURITY_EVENT"));
        awaitQuiet();
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
    }

    @Test
    void aSecondFromOrSubjectFieldOrASignatureOfThePublicSuffixDoesNotCommand() {
        String ticket = newCase(uniqueAddress("ganda"), "Laporan dengan kepala ganda");
        deliver("x@evil.example", report(People.OFFICER, "Re: [" + ticket + "] #bukan-insiden", "Tutup.",
                "Message-ID: " + newMessageId(), "From: attacker@evil.example", PASS + "trenggalekkab.go.id"));
        deliver("x@evil.example", report(People.OFFICER, "Re: [" + ticket + "] #bukan-insiden", "Tutup.",
                "Message-ID: " + newMessageId(), PASS + "go.id"));
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).stream().filter("SECURITY_EVENT"::equals).count() == 2);
        awaitQuiet();
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
    }

    @Test
    void aHandlersUnauthenticatedReplyIsKeptButNeverPartOfTheirReport() throws Exception {
        String ticket = newCase(uniqueAddress("tanpa-dkim"), "Kasus untuk TTIS");
        command(People.OFFICER, ticket, "#verifikasi #kategori intrusions #prioritas rendah", "Benar.");
        awaitStep(ticket, CaseStep.ANALYSIS);
        command(People.OFFICER, ticket, "#ttis", "Tangani.");
        awaitStep(ticket, CaseStep.REPAIR);
        String forged = "Sudah kami pulihkan " + UUID.randomUUID();
        deliver("x@evil.example", report(People.TTIS, "Re: [" + ticket + "] laporan kami", forged,
                "Message-ID: " + newMessageId()));
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("HANDLER_REPORT_UNAUTHENTICATED"));
        assertThat(logbookEvents(ticket)).doesNotContain("HANDLER_REPORT");
        byte[] pdf = http.getForObject("/api/tickets/" + ticket + "/report.pdf", byte[].class);
        assertThat(PdfText.of(pdf)).contains(ticket).doesNotContain(forged.substring(forged.length() - 12));
    }

    @Test
    void aForgedBounceJoinsNoCaseAndMakesNobodyAParticipant() throws Exception {
        String reporter = uniqueAddress("pantulan");
        String ticket = newCase(reporter, "Laporan yang pantulannya dipalsukan");
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        String acknowledgement = new String(inboxOf(reporter).get(0), StandardCharsets.UTF_8);
        String accomplice = uniqueAddress("kaki-tangan");

        // a real Message-ID of the desk's, but a recipient the desk never wrote to
        deliver("mailer-daemon@mx.example.org", bounce(accomplice, acknowledgement, newMessageId()));
        // and a report whose own Message-ID looks like one of the desk's, then a bounce naming it
        String lookAlike = "<ttis." + UUID.randomUUID() + "@trenggalekkab.go.id>";
        deliver(accomplice, report(accomplice, "Laporan umpan", "isi", "Message-ID: " + lookAlike));
        String bait = awaitTicketOf(lookAlike);
        String bounceId = newMessageId();
        deliver("mailer-daemon@mx.example.org", bounce(accomplice, "Message-ID: " + lookAlike
                + "\r\nSubject: Laporan umpan\r\n\r\nisi", bounceId));
        String other = awaitTicketOf(bounceId);
        awaitQuiet();

        assertThat(other).isNotEqualTo(bait);
        assertThat(other).isNotEqualTo(ticket);
        assertThat(logbookEvents(ticket)).doesNotContain("RECIPIENT_UNDELIVERABLE");
        assertThat(count("""
                SELECT count(*) FROM participant p JOIN ticket t ON t.id = p.ticket_id WHERE t.number = ? AND p.address = ?
                """, ticket, accomplice)).isZero();
        assertThat(count("""
                SELECT count(*) FROM participant p JOIN ticket t ON t.id = p.ticket_id
                 WHERE t.number = ? AND p.undeliverable_since IS NOT NULL
                """, ticket)).isZero();
    }

    @Test
    void automaticMailOnACaseFromAStrangerIsStillFlaggedAsAStrangers() {
        String ticket = newCase(uniqueAddress("robot-asing"), "Kasus yang disurati robot");
        String id = newMessageId();
        String robot = uniqueAddress("robot");
        deliver(robot, report(robot, "Re: [" + ticket + "] Out of office", "Saya cuti.", "Message-ID: " + id,
                "Auto-Submitted: auto-replied"));
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("NON_PARTICIPANT_MESSAGE"));
        assertThat(flaggedAsStrangers(ticket, id)).isTrue();
        awaitQuiet();
        assertThat(inboxOf(robot)).isEmpty();
    }

    private static byte[] bounce(String finalRecipient, String returned, String messageId) {
        return ("From: MAILER-DAEMON@mx.example.org\r\nTo: csirt@trenggalekkab.go.id\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + finalRecipient + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\n\r\n" + returned + "\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
