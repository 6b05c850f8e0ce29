package id.go.trenggalekkab.csirt.briefing;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.MovableClock;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Officers hear of what arrives, through the real mailbox: a report reaches the officers on
 * duty in the transaction that made its ticket, with its evidence hashes and what is
 * dangerous in it; a person's follow-up reaches the officer assigned; machines and the
 * desk's own people do not make briefings. The shipped directory puts petugas on weekday
 * office hours and piket on weekday afternoons and Saturday mornings; the clock is moved to
 * each hour in turn.
 */
class OfficerBriefingTest extends DeskIntegrationTest {

    private static final String BRIEFING = "Laporan baru";

    @Autowired
    MovableClock clock;

    @BeforeEach
    void isolateFromOtherTestsCases() {
        moveOpenDeadlinesOutOfReach();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aReportReachesTheOfficerOnDutyWithItsEvidenceAndItsDangers() throws Exception {
        clock.advanceTo(DayOfWeek.MONDAY, LocalTime.of(10, 0));
        String reporter = uniqueAddress("pelapor-bukti");
        String id = TestMail.newMessageId();
        TestMail.deliver(reporter, dangerousReport(reporter, id));
        String ticket = awaitTicketOf(id);
        // queued in the transaction that made the ticket: there is no moment with a ticket and no briefing
        assertThat(count("""
                SELECT count(*) FROM outbox o JOIN message m ON m.id = o.message_id JOIN ticket t ON t.id = m.ticket_id
                 WHERE t.number = ? AND m.kind = 'OFFICER_BRIEFING'
                """, ticket)).isEqualTo(1);

        MimeMessage briefing = await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, BRIEFING),
                m -> m != null);
        String text = TestMail.textOf(briefing);
        assertThat(TestMail.subjectOf(briefing)).contains("[" + ticket + "]").contains("[TLP:AMBER]")
                .contains("Situs dinas diretas");
        assertThat(text).contains("Nama         : Budi Santoso").contains("Alamat       : " + reporter)
                .contains("Domain       : LULUS").contains("langkah 4: Verifikasi laporan").contains(" WIB")
                .contains("Halaman depan diganti").doesNotContain("> kutipan lama")
                .contains("Re: [" + ticket + "] #verifikasi").contains("Re: [" + ticket + "] #bukan-insiden")
                .contains("! Lampiran berupa program atau skrip: faktur.pdf.exe")
                .contains("! Arsip terkunci kata sandi: bukti.zip")
                .contains("! Tautan menipu: teks \"www.trenggalekkab.go.id\" mengarah ke hxxp://trenggalek-kab[.]evil[.]example/");
        Map<String, String> stored = storedAttachmentHashes(ticket);
        assertThat(stored).hasSize(3);
        stored.forEach((filename, sha256) -> assertThat(text).contains(filename).contains("SHA-256 " + sha256));

        awaitQuiet();
        assertThat(mailsAbout(People.PIKET, ticket, BRIEFING)).as("piket is not on duty on Monday morning").isEmpty();
        assertThat(mailsAbout(reporter, ticket, BRIEFING)).isEmpty();
    }

    @Test
    void outsideOfficeHoursThePiketAndOutsideAnyDutyEveryOfficer() {
        clock.advanceTo(DayOfWeek.MONDAY, LocalTime.of(18, 30));
        String evening = newCase(uniqueAddress("pelapor-sore"), "Akun media sosial dinas diambil alih");
        clock.advanceTo(DayOfWeek.SUNDAY, LocalTime.of(3, 0));
        String night = newCase(uniqueAddress("pelapor-malam"), "Server email mengirim spam");
        awaitQuiet();

        assertThat(mailsAbout(People.PIKET, evening, BRIEFING)).hasSize(1);
        assertThat(mailsAbout(People.OFFICER, evening, BRIEFING)).isEmpty();
        assertThat(mailsAbout(People.PIKET, night, BRIEFING)).hasSize(1);
        assertThat(mailsAbout(People.OFFICER, night, BRIEFING)).hasSize(1);
        assertThat(mailsAbout(People.KASI, night, BRIEFING)).as("supervisors are not officers on duty").isEmpty();
    }

    @Test
    void aFollowUpReachesTheAssigneeOrEveryOfficerAndMachinesAndStaffMakeNone() {
        String reporter = uniqueAddress("pelapor-susulan");
        String assigned = newCase(reporter, "Phishing atas nama bupati");
        command(People.OFFICER, assigned, "#tugaskan kasi@trenggalekkab.go.id", "");
        await().atMost(PATIENCE).until(() -> ticket(assigned).path("assignee").asText().equals(People.KASI));
        TestMail.deliver(reporter, TestMail.report(reporter, "Re: [" + assigned + "] tambahan",
                "Ada tiga pegawai lagi yang menerima email yang sama.\n\n> kutipan lama"));
        MimeMessage toKasi = await().atMost(PATIENCE).until(() -> lastMailAbout(People.KASI, assigned, "Pesan dari pelapor"),
                m -> m != null);
        assertThat(TestMail.textOf(toKasi)).contains("tiga pegawai lagi").contains("Ditugaskan   : " + People.KASI);

        String unassigned = newCase(reporter, "Situs kecamatan lambat");
        TestMail.deliver(reporter, TestMail.report(reporter, "Re: [" + unassigned + "] tambahan", "Sekarang tidak bisa dibuka."));
        TestMail.deliver(reporter, TestMail.report(reporter, "Re: [" + unassigned + "] Automatic reply",
                "Saya sedang cuti.", "Auto-Submitted: auto-replied"));
        TestMail.deliver("orang-lain@example.net", TestMail.report("orang-lain@example.net",
                "Re: [" + unassigned + "] ikut", "Saya juga."));
        command(People.OFFICER, unassigned, "#catatan", "Sudah dicek, server hidup.");
        awaitQuiet();

        for (String officer : List.of(People.OFFICER, People.PIKET)) {
            assertThat(mailsAbout(officer, unassigned, "Pesan dari pelapor")).as(officer)
                    .singleElement().satisfies(m -> assertThat(TestMail.textOf(m)).contains("tidak bisa dibuka"));
        }
        assertThat(mailsAbout(People.OFFICER, assigned, "Pesan dari pelapor")).as("the case has its officer").isEmpty();
    }

    @Test
    void replyingToABriefingIsReplyingOnTheCaseAndTheReportersWordsInItNeverCommand() throws Exception {
        clock.advanceTo(DayOfWeek.TUESDAY, LocalTime.of(9, 0));
        String reporter = uniqueAddress("pelapor-licik");
        String ticket = newCase(reporter, "Tolong #selesai #tugaskan penyerang@example.net");
        MimeMessage briefing = await().atMost(PATIENCE).until(() -> TestMail.inboxOf(People.OFFICER).stream()
                .map(TestMail::parse).filter(m -> TestMail.subjectOf(m).contains("[" + ticket + "]")
                        && TestMail.subjectOf(m).contains(BRIEFING)).findFirst().orElse(null), m -> m != null);
        assertThat(TestMail.subjectOf(briefing)).doesNotContain("#selesai").contains("＃selesai");

        // the officer's mail client: Re: + the briefing's subject + the command, In-Reply-To the briefing
        String domain = People.OFFICER.substring(People.OFFICER.indexOf('@') + 1);
        TestMail.deliver(People.OFFICER, TestMail.report(People.OFFICER, "Re: " + TestMail.subjectOf(briefing) + " #verifikasi",
                "Benar insiden.\n\n> " + TestMail.textOf(briefing).replace("\n", "\n> "),
                "In-Reply-To: " + briefing.getMessageID(),
                "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=" + domain));
        awaitStep(ticket, id.go.trenggalekkab.csirt.sop.CaseStep.CATEGORISATION);
        awaitQuiet();
        assertThat(ticket(ticket).path("assignee").isNull()).as("the reporter's #tugaskan stayed text").isTrue();
        assertThat(logbookEvents(ticket)).containsOnlyOnce("COMMAND_APPLIED");
    }

    private Map<String, String> storedAttachmentHashes(String ticket) {
        Map<String, String> hashes = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT a.filename, a.sha256 FROM attachment a JOIN message m ON m.id = a.message_id
                  JOIN ticket t ON t.id = m.ticket_id WHERE t.number = ?
                """, rs -> {
            hashes.put(rs.getString(1), rs.getString(2));
        }, ticket);
        return hashes;
    }

    /** A defacement report with a program, a locked archive and a deceptive link, from an authenticated domain. */
    private static byte[] dangerousReport(String from, String messageId) {
        String domain = from.substring(from.indexOf('@') + 1);
        String html = "<p>Halaman depan diganti. Situs asli: <a href=\"http://trenggalek-kab.evil.example/\">"
                + "www.trenggalekkab.go.id</a></p>";
        String raw = "From: Budi Santoso <" + from + ">\r\nTo: csirt@trenggalekkab.go.id\r\n"
                + "Subject: Situs dinas diretas\r\nMessage-ID: " + messageId + "\r\n"
                + "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=" + domain + "; spf=pass\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=outer\r\n\r\n"
                + "--outer\r\nContent-Type: multipart/alternative; boundary=alt\r\n\r\n"
                + "--alt\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHalaman depan diganti.\r\n\r\n> kutipan lama\r\n"
                + "--alt\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n--alt--\r\n"
                + attachment("faktur.pdf.exe", "application/pdf", "MZ\u0090\0program")
                + attachment("bukti.zip", "application/zip", "PK\u0003\u0004\u0014\0\u0001\0\u0008\0locked")
                + attachment("layar.png", "image/png", "\u0089PNG\r\n\u001a\n")
                + "--outer--\r\n";
        return raw.getBytes(StandardCharsets.UTF_8);
    }

    private static String attachment(String filename, String type, String latin1) {
        return "--outer\r\nContent-Type: " + type + "\r\nContent-Disposition: attachment; filename=\"" + filename
                + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(latin1.getBytes(StandardCharsets.ISO_8859_1)) + "\r\n";
    }
}
