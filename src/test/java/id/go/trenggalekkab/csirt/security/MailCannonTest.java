package id.go.trenggalekkab.csirt.security;

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
import id.go.trenggalekkab.csirt.support.MovableClock;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Attacks that would turn the public mailbox into a mail cannon, or stall it. */
class MailCannonTest extends DeskIntegrationTest {

    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theHourlyLimitCountsOneMailboxHoweverItsAddressIsWritten() {
        String local = "banjir-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> spellings = List.of(local + "@example.org", local.toUpperCase() + "@EXAMPLE.org",
                local + "+1@example.org", local + "+dua@example.org", local + "+3@Example.org", local + "+4@example.org",
                local + "+lima@example.org");
        for (String from : spellings) {
            String id = newMessageId();
            deliver("pelapor@example.org", report(from, "Laporan dari " + from, "isi", "Message-ID: " + id));
            awaitTicketOf(id);
        }
        awaitQuiet();
        assertThat(count("SELECT count(*) FROM message WHERE kind = 'ACKNOWLEDGEMENT' AND lower(to_address) LIKE ?",
                local + "%@example.org")).isEqualTo(5);
        assertThat(count("""
                SELECT count(*) FROM logbook l JOIN message m ON m.ticket_id = l.ticket_id AND m.kind = 'REPORT'
                 WHERE l.event = 'ACKNOWLEDGEMENT_SUPPRESSED' AND l.detail LIKE 'rate limit:%' AND lower(m.from_address) LIKE ?
                """, local + "%@example.org")).isEqualTo(2);
    }

    @Test
    void theAcknowledgementEchoesAShortDefangedSubjectNoNameAndAtMostTwentyAttachments() throws Exception {
        String reporter = uniqueAddress("gema");
        String longSubject = "Situs diretas #tlp clear #bukan-insiden [TTIS-1999-99999] " + "x".repeat(300);
        StringBuilder parts = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            parts.append("--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"bukti-")
                    .append(i).append(".txt\"\r\n\r\nbukti ").append(i).append("\r\n");
        }
        String raw = "From: =?UTF-8?Q?Admin_Resmi_Pemkab?= <" + reporter + ">\r\nTo: csirt@trenggalekkab.go.id"
                + "\r\nSubject: " + longSubject + "\r\nMessage-ID: "
                + newMessageId() + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nLampiran terlampir.\r\n" + parts + "--b--\r\n";
        deliver(reporter, raw.getBytes(StandardCharsets.UTF_8));
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        MimeMessage acknowledgement = parse(inboxOf(reporter).get(0));
        assertThat(((InternetAddress) acknowledgement.getAllRecipients()[0]).getPersonal()).isNull();
        assertThat(acknowledgement.getSubject()).doesNotContain("#").doesNotContain("[TTIS-1999-99999]")
                .hasSizeLessThan(130).contains("Situs diretas ＃tlp clear");
        String text = (String) acknowledgement.getContent();
        assertThat(text).doesNotContain("Admin Resmi").contains("bukti-20.txt").doesNotContain("bukti-21.txt")
                .contains("dan 5 lampiran lainnya");
    }

    @Test
    void aStrangerWritingAgainAndAgainAlertsTheOfficersOnceAnHourPerCase() throws Exception {
        String ticket = newCase(uniqueAddress("sasaran"), "Kasus yang diganggu orang asing");
        String stranger = uniqueAddress("asing");
        int before = mailsAbout(People.OFFICER, ticket, "Peringatan").size();
        for (int i = 0; i < 4; i++) {
            deliver(stranger, report(stranger, "Re: [" + ticket + "] pesan " + i, "isi", "Message-ID: " + newMessageId()));
        }
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).stream()
                .filter("NON_PARTICIPANT_MESSAGE"::equals).count() == 4);
        awaitQuiet();
        assertThat(mailsAbout(People.OFFICER, ticket, "Peringatan")).hasSize(before + 1);
        assertThat(logbookEvents(ticket)).filteredOn("OFFICER_ALERT_SUPPRESSED"::equals).hasSize(3);

        // an hour on, the next stranger mail alerts again, and counts what was held back
        moveOpenDeadlinesOutOfReach();
        clock.advance(Duration.ofMinutes(61));
        deliver(stranger, report(stranger, "Re: [" + ticket + "] pesan lagi", "isi", "Message-ID: " + newMessageId()));
        await().atMost(PATIENCE).until(() -> mailsAbout(People.OFFICER, ticket, "Peringatan").size() == before + 2);
        assertThat(lastMailAbout(People.OFFICER, ticket, "Peringatan").getContent().toString())
                .contains("Dan 3 pesan lain dari pihak di luar kasus");
    }

    @Test
    void aMessageOfThousandsOfPartsIsStoredAndAnsweredAndOneBeyondTheBoundIsQuarantinedAtOnce() {
        String big = uniqueAddress("ribuan");
        String bigId = newMessageId();
        deliver(big, TestMail.manyParts(big, bigId, 3_000));
        String tooBigId = newMessageId();
        String tooBig = uniqueAddress("kebanyakan");
        deliver(tooBig, TestMail.manyParts(tooBig, tooBigId, 5_001));
        String after = uniqueAddress("sesudahnya");
        String ticketAfter = newCase(after, "Laporan biasa sesudah pesan raksasa");

        String ticket = awaitTicketOf(bigId);
        // 3,000 parts in all: the multipart, its text and 2,998 files
        assertThat(count("SELECT count(*) FROM attachment a JOIN message m ON m.id = a.message_id WHERE m.message_id = ?",
                bigId)).isEqualTo(2_998);
        await().atMost(PATIENCE).until(() -> inboxOf(big).size() == 1);
        assertThat(inboxOf(after)).hasSize(1);
        assertThat(ticketAfter).isNotEqualTo(ticket);
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM logbook WHERE event = 'MESSAGE_QUARANTINED'"
                + " AND detail LIKE ?", "%more than 5000 MIME parts%") == 1);
        assertThat(ticketOf(tooBigId)).isNull();
        assertThat(count("SELECT count(*) FROM quarantine WHERE reason LIKE ?", "%more than 5000 MIME parts%")).isEqualTo(1);
    }

    @Test
    void aReporterAddressMailCannotUseDoesNotUndoTheOfficersCommand() throws Exception {
        String id = newMessageId();
        deliver("pelapor@example.org", report("budi..santoso@example.org", "Laporan dari alamat janggal", "isi",
                "Message-ID: " + id));
        String ticket = awaitTicketOf(id);
        command(People.OFFICER, ticket, "#verifikasi", "Benar insiden.");
        awaitStep(ticket, CaseStep.CATEGORISATION);
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, "Perintah diterapkan") != null);
        assertThat(lastMailAbout(People.OFFICER, ticket, "Perintah diterapkan").getContent().toString())
                .contains("✔ #verifikasi").contains("pemberitahuan kepada pelapor tidak terkirim");
        assertThat(logbookEvents(ticket)).contains("REPORTER_NOTICE_SUPPRESSED").doesNotContain("REPORTER_NOTICE_QUEUED");
    }
}
