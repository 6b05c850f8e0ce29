package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.PdfText;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SOP steps 4-12 driven by email alone, through the real mailbox: officers, TTIS and APH
 * reply on the thread with commands in the subject; the reporter hears what they should.
 */
class WorkflowByEmailTest extends DeskIntegrationTest {

    @Test
    void aCaseGoesThroughEveryStepViaTtis() throws Exception {
        String reporter = uniqueAddress("lapor-ttis");
        String ticket = newCase(reporter, "Situs desa berisi judi online");

        command(People.OFFICER, ticket, "#verifikasi #prioritas tinggi #kategori judi-online", "Benar, halaman disusupi.");
        command(People.OFFICER, ticket, "#tugaskan kasi@trenggalekkab.go.id #tlp red", "");
        await().atMost(PATIENCE).until(() -> ticket(ticket).path("assignee").asText().equals(People.KASI)
                && ticket(ticket).path("tlp").asText().equals("RED"));
        command(People.OFFICER, ticket, "#tlp amber", "");
        await().atMost(PATIENCE).until(() -> ticket(ticket).path("tlp").asText().equals("AMBER"));
        awaitStep(ticket, CaseStep.ANALYSIS);
        await().atMost(PATIENCE).until(() -> mailsAbout(reporter, ticket, "Laporan diverifikasi").size() == 1);
        JsonNode categorised = ticket(ticket);
        assertThat(categorised.path("category").path("taxonomyClass").asText() + "/"
                + categorised.path("category").path("subtype").asText() + " " + categorised.path("priority").asText())
                .isEqualTo("information-content-security/judi-online HIGH");
        await().atMost(PATIENCE).until(() -> mailsAbout(People.OFFICER, ticket, "Perintah diterapkan").size() == 3);
        assertThat(mailsAbout(People.OFFICER, ticket, "Perintah diterapkan")).anySatisfy(reply -> assertThat(
                (String) reply.getContent()).contains("✔ #verifikasi").contains("✔ #prioritas tinggi")
                .contains("langkah 6: Analisis dan evaluasi").contains("Berikutnya   : langkah ")
                .contains("Batas waktu  : ").contains(" WIB"));

        command(People.OFFICER, ticket, "#ttis", "Rekomendasi: pulihkan dari cadangan, ganti kata sandi CMS.");
        awaitStep(ticket, CaseStep.REPAIR);
        MimeMessage caseFile = await().atMost(PATIENCE).until(() -> lastMailAbout(People.TTIS, ticket, "Penanganan insiden"),
                m -> m != null);
        assertThat(caseFile.getSubject()).contains("[TLP:AMBER]");
        // the reporter sent no files, and TTIS gets no message as received: the text alone
        assertThat((String) caseFile.getContent()).contains("pulihkan dari cadangan").contains("SHA-256")
                .contains("Mohon ditindaklanjuti").doesNotContain(reporter);

        command(People.TTIS, ticket, "#perbaikan", "Halaman dipulihkan.");
        awaitStep(ticket, CaseStep.RESOLUTION_ANALYSIS);
        command(People.TTIS, ticket, "#analisis", "Penyebab: plugin usang.");
        awaitStep(ticket, CaseStep.LOGBOOK_UPDATE);
        command(People.TTIS, ticket, "#logbook", "Logbook diperbarui.");
        awaitStep(ticket, CaseStep.CLOSING);
        command(People.OFFICER, ticket, "#selesai", "Kasus ditutup.");
        awaitStep(ticket, CaseStep.CLOSED);
        await().atMost(PATIENCE).until(() -> mailsAbout(reporter, ticket, "Laporan selesai ditangani").size() == 1);

        // step 12's report: mailed to officers and supervisors, and served by the API
        for (String recipient : List.of(People.OFFICER, People.KABID, People.KASI)) {
            MimeMessage mail = await().atMost(PATIENCE).until(
                    () -> lastMailAbout(recipient, ticket, "Laporan Penanganan Insiden Siber"), m -> m != null);
            assertThat(((Multipart) mail.getContent()).getBodyPart(1).getContentType()).startsWith("application/pdf");
        }
        byte[] pdf = http.getForObject("/api/tickets/" + ticket + "/report.pdf", byte[].class);
        String reportSha = ticket(ticket).path("messages").findParents("kind").stream()
                .filter(m -> m.path("kind").asText().equals("REPORT")).findFirst().orElseThrow().path("sha256").asText();
        assertThat(PdfText.of(pdf)).contains("Laporan Penanganan Insiden Siber").contains(ticket).contains(reportSha)
                .contains("plugin usang").contains("judi-online");

        assertThat(ticket(ticket).path("history").findValuesAsText("step")).containsExactly("VERIFICATION",
                "CATEGORISATION", "ANALYSIS", "REPAIR", "RESOLUTION_ANALYSIS", "LOGBOOK_UPDATE", "CLOSING", "CLOSED");
        assertThat(ticket(ticket).path("history").findParents("step").stream()
                .filter(visit -> visit.path("step").asText().equals("REPAIR")).map(visit -> visit.path("note").asText()))
                .containsExactly("Halaman dipulihkan.");
    }

    @Test
    void aCaseGoesThroughEveryStepViaLawEnforcement() throws Exception {
        String reporter = uniqueAddress("lapor-aph");
        String ticket = newCase(reporter, "Data kependudukan dijual di forum");

        command(People.OFFICER, ticket, "#verifikasi #kategori kebocoran-data #prioritas tinggi", "Data valid.");
        awaitStep(ticket, CaseStep.ANALYSIS);
        command(People.OFFICER, ticket, "#aph", "Ada unsur pidana: penjualan data pribadi.");
        awaitStep(ticket, CaseStep.APH_HANDLING);
        MimeMessage caseFile = await().atMost(PATIENCE).until(() -> lastMailAbout(People.APH, ticket, "Penanganan insiden"),
                m -> m != null);
        Multipart toAph = (Multipart) caseFile.getContent();
        assertThat((String) toAph.getBodyPart(0).getContent()).contains(reporter);
        assertThat(toAph.getBodyPart(1).getFileName()).endsWith(".eml");

        command(People.APH, ticket, "", "Laporan kami terima, penyelidikan dimulai.");
        awaitStep(ticket, CaseStep.APH_REPORT);
        command(People.APH, ticket, "#laporan-aph", "Pelaku diamankan; server forum disita.");
        awaitStep(ticket, CaseStep.REPAIR);
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.TTIS, ticket, "Penanganan insiden") != null);
        command(People.TTIS, ticket, "#perbaikan #analisis #logbook", "Akses basis data ditutup.");
        awaitStep(ticket, CaseStep.CLOSING);
        command(People.OFFICER, ticket, "#selesai", "Selesai.");
        awaitStep(ticket, CaseStep.CLOSED);
        assertThat(ticket(ticket).path("history").findValuesAsText("step")).containsSubsequence("ANALYSIS",
                "APH_HANDLING", "APH_REPORT", "REPAIR", "RESOLUTION_ANALYSIS", "LOGBOOK_UPDATE", "CLOSING", "CLOSED");
    }

    @Test
    void refusalsAreAnsweredWithTheReasonAndStopTheCommandsAfterThem() throws Exception {
        String ticket = newCase(uniqueAddress("tolak"), "Email phishing ke pegawai");

        command(People.OFFICER, ticket, "#selesai", "");
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, "Perintah ditolak") != null);
        assertThat((String) lastMailAbout(People.OFFICER, ticket, "Perintah ditolak").getContent())
                .contains("✘ #selesai").contains("tidak dapat dilakukan pada langkah 4");

        // the head of department follows every case but gives no case commands
        command(People.KADIS, ticket, "#verifikasi", "");
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.KADIS, ticket, "Perintah ditolak") != null);
        assertThat((String) lastMailAbout(People.KADIS, ticket, "Perintah ditolak").getContent()).contains("tidak berwenang");

        command(People.OFFICER, ticket, "#verifkasi", "");
        await().atMost(PATIENCE).until(() -> mailsAbout(People.OFFICER, ticket, "Perintah ditolak").size() == 2);
        assertThat(mailsAbout(People.OFFICER, ticket, "Perintah ditolak")).anySatisfy(
                m -> assertThat((String) m.getContent()).contains("✘ #verifkasi").contains("tidak dikenal"));

        command(People.OFFICER, ticket, "#verifikasi #prioritas sangat #kategori fraud", "");
        await().atMost(PATIENCE).until(() -> mailsAbout(People.OFFICER, ticket, "Perintah ditolak").size() == 3);
        awaitStep(ticket, CaseStep.CATEGORISATION);
        assertThat(mailsAbout(People.OFFICER, ticket, "Perintah ditolak")).anySatisfy(m -> assertThat((String) m.getContent())
                .contains("✔ #verifikasi").contains("✘ #prioritas sangat").contains("Tidak dijalankan")
                .contains("#kategori fraud"));
        assertThat(ticket(ticket).path("category").isNull()).isTrue();

        command(People.OFFICER, ticket, "#bukan-insiden", "");
        await().atMost(PATIENCE).until(() -> mailsAbout(People.OFFICER, ticket, "Perintah ditolak").size() == 4);
        assertThat(step(ticket)).isEqualTo(CaseStep.CATEGORISATION);
    }

    @Test
    void unauthenticatedOrForgedCommandsAreNotObeyedAndRevealNothing() throws Exception {
        String ticket = newCase(uniqueAddress("palsu"), "Akun media sosial dinas dibajak");

        // a forged From of a real officer: no Authentication-Results from the desk's server
        unauthenticatedCommand(People.OFFICER, ticket, "#bukan-insiden", "Tutup saja.");
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("SECURITY_EVENT"));
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, "Peringatan") != null);
        awaitQuiet();
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
        assertThat(mailsAbout(People.OFFICER, ticket, "Perintah")).isEmpty();
        // the alert alone; the briefing of the new report comes too when nobody is on duty (22:00-07:30 WIB)
        assertThat(mailsAbout(People.OFFICER, ticket, "")).filteredOn(m -> !TestMail.subjectOf(m).contains("Laporan baru"))
                .hasSize(1);

        // a passing result, but for the attacker's own domain
        deliver("x@attacker.example", report(People.OFFICER, "Re: [" + ticket + "] #bukan-insiden", "Tutup.",
                "Message-ID: " + newMessageId(), "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=attacker.example"));
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).stream().filter("SECURITY_EVENT"::equals).count() == 2);
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
    }

    @Test
    void aReportersHashtagsAreTextAndAStrangersMailChangesNothing() throws Exception {
        String reporter = uniqueAddress("pelapor-tagar");
        String ticket = newCase(reporter, "Website lambat #darurat");
        deliver(reporter, report(reporter, "Re: [" + ticket + "] #selesai", "Tolong ditutup.", "Message-ID: " + newMessageId()));
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).stream().filter("FOLLOW_UP_ADDED"::equals).count() == 1);
        awaitQuiet();
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
        assertThat(logbookEvents(ticket)).doesNotContain("COMMAND_APPLIED", "COMMAND_REFUSED", "NON_PARTICIPANT_MESSAGE");

        String stranger = uniqueAddress("orang-asing");
        String strangerId = newMessageId();
        deliver(stranger, report(stranger, "Re: [" + ticket + "] #verifikasi", "Saya ikut menutup.", "Message-ID: " + strangerId));
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("NON_PARTICIPANT_MESSAGE"));
        assertThat(flaggedAsStrangers(ticket, strangerId)).isTrue();
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, "Peringatan") != null);
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
        assertThat(inboxOf(stranger)).isEmpty();

        // law enforcement belongs to a case only once it is handed to them
        String aphId = newMessageId();
        deliver(People.APH, report(People.APH, "Re: [" + ticket + "] #laporan-aph", "Laporan kami.", "Message-ID: " + aphId,
                "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=polres-trenggalek.example"));
        await().atMost(PATIENCE).until(() -> flaggedAsStrangers(ticket, aphId));
        assertThat(logbookEvents(ticket)).doesNotContain("HANDLER_REPORT", "COMMAND_APPLIED");
    }
}
