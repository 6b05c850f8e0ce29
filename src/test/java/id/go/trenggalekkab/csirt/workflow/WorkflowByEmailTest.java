package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.parse;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * SOP steps 4-12 driven by email alone, through the real mailbox: officers, TTIS and APH
 * reply on the thread with commands in the subject; the reporter hears what they should.
 */
class WorkflowByEmailTest extends DeskIntegrationTest {

    @Autowired
    TestRestTemplate http;

    private static final String OFFICER = "petugas@trenggalekkab.go.id";
    private static final String TTIS = "ttis@trenggalekkab.go.id";
    private static final String APH = "siber@polres-trenggalek.example";
    private static final String KADIS = "kadis@trenggalekkab.go.id";

    @Test
    void aCaseGoesThroughEveryStepViaTtis() throws Exception {
        String reporter = uniqueAddress("lapor-ttis");
        String ticket = newCase(reporter, "Situs desa berisi judi online");

        command(OFFICER, ticket, "#verifikasi #prioritas tinggi #kategori judi-online", "Benar, halaman disusupi.", true);
        command(OFFICER, ticket, "#tugaskan kasi@trenggalekkab.go.id #tlp red", "", true);
        await().atMost(PATIENCE).until(() -> "kasi@trenggalekkab.go.id RED".equals(jdbc.queryForObject(
                "SELECT assignee || ' ' || tlp FROM ticket WHERE number = ?", String.class, ticket)));
        command(OFFICER, ticket, "#tlp amber", "", true);
        await().atMost(PATIENCE).until(() -> "AMBER".equals(jdbc.queryForObject(
                "SELECT tlp FROM ticket WHERE number = ?", String.class, ticket)));
        awaitStep(ticket, CaseStep.ANALYSIS);
        await().atMost(PATIENCE).until(() -> mailsAbout(reporter, ticket, "Laporan diverifikasi").size() == 1);
        assertThat(jdbc.queryForList("SELECT category || '/' || subcategory || ' ' || priority FROM ticket WHERE number = ?",
                String.class, ticket)).containsExactly("information-content-security/judi-online HIGH");
        await().atMost(PATIENCE).until(() -> mailsAbout(OFFICER, ticket, "Perintah diterapkan").size() == 3);
        assertThat(mailsAbout(OFFICER, ticket, "Perintah diterapkan")).anySatisfy(reply -> assertThat(
                (String) reply.getContent()).contains("✔ #verifikasi").contains("✔ #prioritas tinggi")
                .contains("langkah 6: Analisis dan evaluasi").contains("Berikutnya   : langkah ")
                .contains("Batas waktu  : ").contains(" WIB"));

        command(OFFICER, ticket, "#ttis", "Rekomendasi: pulihkan dari cadangan, ganti kata sandi CMS.", true);
        awaitStep(ticket, CaseStep.REPAIR);
        MimeMessage caseFile = await().atMost(PATIENCE).until(() -> lastMailAbout(TTIS, ticket, "Penanganan insiden"),
                m -> m != null);
        assertThat(caseFile.getSubject()).contains("[TLP:AMBER]");
        Multipart parts = (Multipart) caseFile.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text).contains("pulihkan dari cadangan").contains("SHA-256").contains("Mohon ditindaklanjuti")
                .doesNotContain(reporter);
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("message/rfc822");

        command(TTIS, ticket, "#perbaikan", "Halaman dipulihkan.", true);
        awaitStep(ticket, CaseStep.RESOLUTION_ANALYSIS);
        command(TTIS, ticket, "#analisis", "Penyebab: plugin usang.", true);
        awaitStep(ticket, CaseStep.LOGBOOK_UPDATE);
        command(TTIS, ticket, "#logbook", "Logbook diperbarui.", true);
        awaitStep(ticket, CaseStep.CLOSING);
        command(OFFICER, ticket, "#selesai", "Kasus ditutup.", true);
        awaitStep(ticket, CaseStep.CLOSED);
        await().atMost(PATIENCE).until(() -> mailsAbout(reporter, ticket, "Laporan selesai ditangani").size() == 1);

        // step 12's report: mailed to officers and supervisors, and served by the API
        for (String recipient : List.of(OFFICER, "kabid@trenggalekkab.go.id", "kasi@trenggalekkab.go.id")) {
            MimeMessage mail = await().atMost(PATIENCE).until(
                    () -> lastMailAbout(recipient, ticket, "Laporan Penanganan Insiden Siber"), m -> m != null);
            assertThat(((Multipart) mail.getContent()).getBodyPart(1).getContentType()).startsWith("application/pdf");
        }
        byte[] pdf = http.getForObject("/api/tickets/" + ticket + "/report.pdf", byte[].class);
        String reportSha = jdbc.queryForObject("SELECT m.raw_sha256 FROM message m JOIN ticket t ON t.id = m.ticket_id"
                + " WHERE t.number = ? AND m.kind = 'REPORT'", String.class, ticket);
        assertThat(pdfText(pdf)).contains("Laporan Penanganan Insiden Siber").contains(ticket).contains(reportSha)
                .contains("plugin usang").contains("judi-online");

        assertThat(jdbc.queryForList("""
                SELECT s.step FROM case_step s JOIN ticket t ON t.id = s.ticket_id WHERE t.number = ? ORDER BY s.id
                """, String.class, ticket)).containsExactly("VERIFICATION", "CATEGORISATION", "ANALYSIS", "REPAIR",
                "RESOLUTION_ANALYSIS", "LOGBOOK_UPDATE", "CLOSING", "CLOSED");
        assertThat(jdbc.queryForList("""
                SELECT s.note FROM case_step s JOIN ticket t ON t.id = s.ticket_id WHERE t.number = ? AND s.step = 'REPAIR'
                """, String.class, ticket)).containsExactly("Halaman dipulihkan.");
    }

    @Test
    void aCaseGoesThroughEveryStepViaLawEnforcement() throws Exception {
        String reporter = uniqueAddress("lapor-aph");
        String ticket = newCase(reporter, "Data kependudukan dijual di forum");

        command(OFFICER, ticket, "#verifikasi #kategori kebocoran-data #prioritas tinggi", "Data valid.", true);
        awaitStep(ticket, CaseStep.ANALYSIS);
        command(OFFICER, ticket, "#aph", "Ada unsur pidana: penjualan data pribadi.", true);
        awaitStep(ticket, CaseStep.APH_HANDLING);
        MimeMessage caseFile = await().atMost(PATIENCE).until(() -> lastMailAbout(APH, ticket, "Penanganan insiden"),
                m -> m != null);
        assertThat((String) ((Multipart) caseFile.getContent()).getBodyPart(0).getContent()).contains(reporter);

        command(APH, ticket, "", "Laporan kami terima, penyelidikan dimulai.", true);
        awaitStep(ticket, CaseStep.APH_REPORT);
        command(APH, ticket, "#laporan-aph", "Pelaku diamankan; server forum disita.", true);
        awaitStep(ticket, CaseStep.REPAIR);
        await().atMost(PATIENCE).until(() -> lastMailAbout(TTIS, ticket, "Penanganan insiden") != null);
        command(TTIS, ticket, "#perbaikan #analisis #logbook", "Akses basis data ditutup.", true);
        awaitStep(ticket, CaseStep.CLOSING);
        command(OFFICER, ticket, "#selesai", "Selesai.", true);
        awaitStep(ticket, CaseStep.CLOSED);
        assertThat(jdbc.queryForList("""
                SELECT s.step FROM case_step s JOIN ticket t ON t.id = s.ticket_id WHERE t.number = ? ORDER BY s.id
                """, String.class, ticket)).containsSubsequence("ANALYSIS", "APH_HANDLING", "APH_REPORT", "REPAIR",
                "RESOLUTION_ANALYSIS", "LOGBOOK_UPDATE", "CLOSING", "CLOSED");
    }

    @Test
    void refusalsAreAnsweredWithTheReasonAndStopTheCommandsAfterThem() throws Exception {
        String ticket = newCase(uniqueAddress("tolak"), "Email phishing ke pegawai");

        command(OFFICER, ticket, "#selesai", "", true);
        await().atMost(PATIENCE).until(() -> lastMailAbout(OFFICER, ticket, "Perintah ditolak") != null);
        assertThat((String) lastMailAbout(OFFICER, ticket, "Perintah ditolak").getContent())
                .contains("✘ #selesai").contains("tidak dapat dilakukan pada langkah 4");

        // the head of department follows every case but gives no case commands
        command(KADIS, ticket, "#verifikasi", "", true);
        await().atMost(PATIENCE).until(() -> lastMailAbout(KADIS, ticket, "Perintah ditolak") != null);
        assertThat((String) lastMailAbout(KADIS, ticket, "Perintah ditolak").getContent()).contains("tidak berwenang");

        command(OFFICER, ticket, "#verifkasi", "", true);
        await().atMost(PATIENCE).until(() -> mailsAbout(OFFICER, ticket, "Perintah ditolak").size() == 2);
        assertThat(mailsAbout(OFFICER, ticket, "Perintah ditolak")).anySatisfy(
                m -> assertThat((String) m.getContent()).contains("✘ #verifkasi").contains("tidak dikenal"));

        command(OFFICER, ticket, "#verifikasi #prioritas sangat #kategori fraud", "", true);
        await().atMost(PATIENCE).until(() -> mailsAbout(OFFICER, ticket, "Perintah ditolak").size() == 3);
        awaitStep(ticket, CaseStep.CATEGORISATION);
        assertThat(mailsAbout(OFFICER, ticket, "Perintah ditolak")).anySatisfy(m -> assertThat((String) m.getContent())
                .contains("✔ #verifikasi").contains("✘ #prioritas sangat").contains("Tidak dijalankan")
                .contains("#kategori fraud"));
        assertThat(jdbc.queryForObject("SELECT category IS NULL FROM ticket WHERE number = ?", Boolean.class, ticket))
                .isTrue();

        command(OFFICER, ticket, "#bukan-insiden", "", true);
        await().atMost(PATIENCE).until(() -> mailsAbout(OFFICER, ticket, "Perintah ditolak").size() == 4);
        assertThat(step(ticket)).isEqualTo(CaseStep.CATEGORISATION);
    }

    @Test
    void unauthenticatedOrForgedCommandsAreNotObeyedAndRevealNothing() throws Exception {
        String ticket = newCase(uniqueAddress("palsu"), "Akun media sosial dinas dibajak");

        // a forged From of a real officer: no Authentication-Results from the desk's server
        command(OFFICER, ticket, "#bukan-insiden", "Tutup saja.", false);
        await().atMost(PATIENCE).until(() -> events(ticket).contains("SECURITY_EVENT"));
        await().atMost(PATIENCE).until(() -> lastMailAbout(OFFICER, ticket, "Peringatan") != null);
        Thread.sleep(1000);
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
        assertThat(mailsAbout(OFFICER, ticket, "Perintah")).isEmpty();
        assertThat(mailsAbout(OFFICER, ticket, "")).hasSize(1);

        // a passing result, but for the attacker's own domain
        deliver("x@attacker.example", report(OFFICER, "Re: [" + ticket + "] #bukan-insiden", "Tutup.",
                "Message-ID: " + newMessageId(), "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=attacker.example"));
        await().atMost(PATIENCE).until(() -> events(ticket).stream().filter("SECURITY_EVENT"::equals).count() == 2);
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
    }

    @Test
    void aReportersHashtagsAreTextAndAStrangersMailChangesNothing() throws Exception {
        String reporter = uniqueAddress("pelapor-tagar");
        String ticket = newCase(reporter, "Website lambat #darurat");
        deliver(reporter, report(reporter, "Re: [" + ticket + "] #selesai", "Tolong ditutup.", "Message-ID: " + newMessageId()));
        await().atMost(PATIENCE).until(() -> events(ticket).stream().filter("FOLLOW_UP_ADDED"::equals).count() == 1);
        Thread.sleep(800);
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
        assertThat(events(ticket)).doesNotContain("COMMAND_APPLIED", "COMMAND_REFUSED", "NON_PARTICIPANT_MESSAGE");

        String stranger = uniqueAddress("orang-asing");
        String strangerId = newMessageId();
        deliver(stranger, report(stranger, "Re: [" + ticket + "] #verifikasi", "Saya ikut menutup.", "Message-ID: " + strangerId));
        await().atMost(PATIENCE).until(() -> events(ticket).contains("NON_PARTICIPANT_MESSAGE"));
        assertThat(jdbc.queryForObject("SELECT non_participant FROM message WHERE message_id = ?", Boolean.class, strangerId))
                .isTrue();
        await().atMost(PATIENCE).until(() -> lastMailAbout(OFFICER, ticket, "Peringatan") != null);
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
        assertThat(inboxOf(stranger)).isEmpty();

        // law enforcement belongs to a case only once it is handed to them
        String aphId = newMessageId();
        deliver(APH, report(APH, "Re: [" + ticket + "] #laporan-aph", "Laporan kami.", "Message-ID: " + aphId,
                "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=polres-trenggalek.example"));
        await().atMost(PATIENCE).until(() -> jdbc.queryForList(
                "SELECT non_participant FROM message WHERE message_id = ?", Boolean.class, aphId).contains(true));
        assertThat(events(ticket)).doesNotContain("HANDLER_REPORT", "COMMAND_APPLIED");
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append(' ');
            }
            return text.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    private void command(String from, String ticket, String commands, String body, boolean authenticated) {
        String domain = from.substring(from.indexOf('@') + 1);
        String subject = "Re: [" + ticket + "] Laporan diterima " + commands;
        String[] headers = authenticated
                ? new String[] {"Message-ID: " + newMessageId(),
                    "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=" + domain + "; spf=pass"}
                : new String[] {"Message-ID: " + newMessageId()};
        deliver(from, report(from, subject.strip(), body + "\n\nPada Sen, 30 Nov 2026 TTIS menulis:\n> kutipan lama", headers));
    }

    private void awaitStep(String ticket, CaseStep step) {
        await().atMost(PATIENCE).until(() -> step(ticket) == step);
    }

    private CaseStep step(String ticket) {
        return CaseStep.valueOf(jdbc.queryForObject("SELECT status FROM ticket WHERE number = ?", String.class, ticket));
    }

    private List<String> events(String ticket) {
        return logbookEvents(ticket);
    }

    private static List<MimeMessage> mailsAbout(String mailbox, String ticket, String subjectPart) {
        return inboxOf(mailbox).stream().map(raw -> parse(raw)).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains("[" + ticket + "]")
                        && m.getSubject().contains(subjectPart);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static MimeMessage lastMailAbout(String mailbox, String ticket, String subjectPart) {
        List<MimeMessage> found = mailsAbout(mailbox, ticket, subjectPart);
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }
}
