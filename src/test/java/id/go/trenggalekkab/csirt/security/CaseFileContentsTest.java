package id.go.trenggalekkab.csirt.security;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.system.Sha256;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Evidence and personal data go only where they belong (UU 27/2022): what a case file
 * carries to TTIS and to APH, whatever else lies on the case, and what TLP allows by mail.
 */
class CaseFileContentsTest extends DeskIntegrationTest {

    @Test
    void ttisGetsTheReportersFilesAndTheirTextWithoutTheirPersonalDataAndNothingElseOnTheCase() throws Exception {
        Case c = caseWithEverythingOnIt();
        command(People.OFFICER, c.ticket, "#ttis", "Pulihkan dari cadangan.");
        MimeMessage caseFile = await().atMost(PATIENCE).until(
                () -> lastMailAbout(People.TTIS, c.ticket, "Penanganan insiden"), m -> m != null);

        Multipart parts = (Multipart) caseFile.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text).contains("Situs desa berisi judi online").contains("[nama pelapor]").contains("[nomor telepon]")
                .doesNotContain(c.reporter).doesNotContain("Santoso").doesNotContain("0812-3456-7890")
                .doesNotContain(c.internalNote).doesNotContain("asing.exe");
        List<BodyPart> files = attachments(parts);
        assertThat(files).extracting(BodyPart::getFileName).containsExactly("bukti.png", "tambahan.txt");
        for (BodyPart file : files) {
            assertThat(file.getContentType()).startsWith("application/octet-stream");
            assertThat(((MimeBodyPart) file).getEncoding()).isEqualTo("base64");
            String sha = Sha256.hex(file.getInputStream().readAllBytes());
            assertThat(count("SELECT count(*) FROM attachment WHERE sha256 = ?", sha)).isGreaterThanOrEqualTo(1);
            assertThat(text).contains("SHA-256 " + sha);
        }
    }

    @Test
    void aphGetsTheReportAsReceivedByteForByteAndWhoSentIt() throws Exception {
        Case c = caseWithEverythingOnIt();
        command(People.OFFICER, c.ticket, "#aph", "Ada unsur pidana.");
        MimeMessage caseFile = await().atMost(PATIENCE).until(
                () -> lastMailAbout(People.APH, c.ticket, "Penanganan insiden"), m -> m != null);
        Multipart parts = (Multipart) caseFile.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains(c.reporter).contains("0812-3456-7890")
                .doesNotContain(c.internalNote);
        List<BodyPart> files = attachments(parts);
        assertThat(files).extracting(BodyPart::getFileName).hasSize(4).filteredOn(n -> n.endsWith(".eml")).hasSize(2)
                .noneMatch(n -> n.contains("asing"));
        BodyPart eml = files.get(0);
        assertThat(eml.getFileName()).endsWith(".eml");
        assertThat(eml.getContentType()).startsWith("application/octet-stream");
        assertThat(((MimeBodyPart) eml).getEncoding()).isEqualTo("base64");
        String reportSha = jdbc.queryForObject("SELECT raw_sha256 FROM message WHERE message_id = ?", String.class,
                c.reportId);
        assertThat(Sha256.hex(eml.getInputStream().readAllBytes())).isEqualTo(reportSha);
    }

    @Test
    void aTlpRedCaseGoesByMailToNamedRecipientsOnly() throws Exception {
        Case c = caseWithEverythingOnIt();
        command(People.OFFICER, c.ticket, "#tlp red #ttis", "Sangat rahasia.");
        awaitStep(c.ticket, CaseStep.REPAIR);
        MimeMessage notice = await().atMost(PATIENCE).until(
                () -> lastMailAbout(People.TTIS, c.ticket, "Penanganan insiden"), m -> m != null);
        assertThat(notice.getSubject()).contains("[TLP:RED]");
        assertThat((String) notice.getContent()).contains("dikirim lewat email").doesNotContain("judi online")
                .doesNotContain("Sangat rahasia").doesNotContain("SHA-256");

        command(People.OFFICER, c.ticket, "#kirim-berkas " + People.TTIS, "");
        await().atMost(PATIENCE).until(() -> mailsAbout(People.TTIS, c.ticket, "Penanganan insiden").size() == 2);
        MimeMessage caseFile = lastMailAbout(People.TTIS, c.ticket, "Penanganan insiden");
        assertThat((String) ((Multipart) caseFile.getContent()).getBodyPart(0).getContent())
                .contains("Situs desa berisi judi online").contains("Sangat rahasia").doesNotContain(c.reporter);
        // a named recipient must be a TTIS or APH contact of the directory
        command(People.OFFICER, c.ticket, "#kirim-berkas " + uniqueAddress("wartawan"), "");
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, c.ticket, "Perintah ditolak") != null);
        assertThat(lastMailAbout(People.OFFICER, c.ticket, "Perintah ditolak").getContent().toString())
                .contains("bukan kontak TTIS atau APH");
    }

    @Test
    void anAmberStrictCaseFileStaysInsideTheDesksOrganisation() throws Exception {
        Case c = caseWithEverythingOnIt();
        command(People.OFFICER, c.ticket, "#tlp amber+strict #aph", "Ada unsur pidana.");
        MimeMessage toPolice = await().atMost(PATIENCE).until(
                () -> lastMailAbout(People.APH, c.ticket, "Penanganan insiden"), m -> m != null);
        assertThat(toPolice.getSubject()).contains("[TLP:AMBER+STRICT]");
        assertThat((String) toPolice.getContent()).contains("dikirim lewat email").doesNotContain(c.reporter);
    }

    private record Case(String ticket, String reporter, String reportId, String internalNote) {}

    /**
     * A verified case with everything a case file must sort: the reporter's report (name,
     * phone, signature, a file) and a second file from them, an officer's internal note,
     * and a stranger's mail with a file of its own.
     */
    private Case caseWithEverythingOnIt() {
        String reporter = uniqueAddress("budi");
        String reportId = newMessageId();
        String body = "Saya Budi Santoso. Situs desa berisi judi online sejak 01.30.\n"
                + "Hubungi saya di 0812-3456-7890.\n\nHormat saya,\nBudi Santoso\nDinas Pertanian\n";
        deliver(reporter, withFile(reporter, "Situs desa berisi judi online", body, reportId, "bukti.png", "PNG-bukti"));
        String ticket = awaitTicketOf(reportId);
        String followUpId = newMessageId();
        deliver(reporter, withFile(reporter, "Re: [" + ticket + "] tambahan", "Tambahan bukti.", followUpId,
                "tambahan.txt", "log tambahan"));
        String stranger = uniqueAddress("asing");
        deliver(stranger, withFile(stranger, "Re: [" + ticket + "] ini juga", "dari orang asing", newMessageId(),
                "asing.exe", "MZ"));
        String internalNote = "RAHASIA INTERNAL " + UUID.randomUUID();
        command(People.OFFICER, ticket, "#catatan #verifikasi #kategori judi-online #prioritas tinggi", internalNote);
        awaitStep(ticket, CaseStep.ANALYSIS);
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("NON_PARTICIPANT_MESSAGE")
                && ticketOf(followUpId) != null);
        return new Case(ticket, reporter, reportId, internalNote);
    }

    private static byte[] withFile(String from, String subject, String body, String messageId, String filename,
                                   String content) {
        return ("From: \"Budi Santoso\" <" + from + ">\r\nTo: csirt@trenggalekkab.go.id\r\nSubject: " + subject
                + "\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=f\r\n\r\n--f\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + body.replace("\n", "\r\n") + "\r\n--f\r\nContent-Type: text/plain\r\nContent-Disposition: attachment;"
                + " filename=\"" + filename + "\"\r\n\r\n" + content + "\r\n--f--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<BodyPart> attachments(Multipart parts) throws Exception {
        List<BodyPart> files = new ArrayList<>();
        for (int i = 1; i < parts.getCount(); i++) {
            files.add(parts.getBodyPart(i));
        }
        return files;
    }
}
