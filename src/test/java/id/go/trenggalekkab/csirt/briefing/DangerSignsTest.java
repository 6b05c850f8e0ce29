package id.go.trenggalekkab.csirt.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The warnings an officer reads before opening a report, each from the trick it names. */
class DangerSignsTest {

    private static final MailParser PARSER = new MailParser();

    @Test
    void aProgramDressedAsADocumentIsFoundByNameAndByItsFirstBytes() {
        ParsedMail mail = mail("Tagihan terlampir.", part("faktur.pdf.exe", "application/pdf", bytes("MZ\u0090\0rest")),
                part("scan.pdf", "application/pdf", bytes("MZ\u0090\0program without a telling name")));
        assertThat(DangerSigns.of(mail)).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("Lampiran berupa program"))
                .anySatisfy(s -> assertThat(s).contains("faktur.pdf.exe")).anySatisfy(s -> assertThat(s).contains("scan.pdf"));
    }

    @Test
    void documentsWithMacrosByExtensionAndByTheirVbaProject() {
        byte[] ole = bytes("\u00d0\u00cf\u0011\u00e0 ... _\0V\0B\0A\0_\0P\0R\0O\0J\0E\0C\0T\0 ...");
        ParsedMail mail = mail("Lihat dokumen.", part("undangan.docm", "application/octet-stream", bytes("PK\u0003\u0004x")),
                part("anggaran.xls", "application/vnd.ms-excel", ole),
                part("biasa.docx", "application/octet-stream", bytes("PK\u0003\u0004\u0014\0\0\0\u0008\0word/document.xml")),
                // the stream's name in what is not an OLE file is only text about it
                part("catatan.bin", "application/octet-stream", bytes("nama aliran: _\0V\0B\0A\0_\0P\0R\0O\0J\0E\0C\0T\0")));
        assertThat(DangerSigns.of(mail)).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("Dokumen bermakro"))
                .noneSatisfy(s -> assertThat(s).contains("biasa.docx"))
                .noneSatisfy(s -> assertThat(s).contains("catatan.bin"));
    }

    @Test
    void anArchiveLockedWithAPasswordAndThePasswordInTheText() {
        // a ZIP local file header whose general purpose flags have bit 0 (encrypted) set
        byte[] locked = bytes("PK\u0003\u0004\u0014\0\u0001\0\u0008\0rest-of-entry");
        ParsedMail mail = mail("Bukti terlampir, kata sandi: 1234", part("bukti.zip", "application/zip", locked));
        assertThat(DangerSigns.of(mail)).anySatisfy(s -> assertThat(s).startsWith("Arsip terkunci kata sandi: bukti.zip"))
                .anySatisfy(s -> assertThat(s).startsWith("Arsip dengan kata sandi yang disebut"));

        byte[] open = bytes("PK\u0003\u0004\u0014\0\0\0\u0008\0rest-of-entry");
        assertThat(DangerSigns.of(mail("Bukti terlampir.", part("bukti.zip", "application/zip", open)))).isEmpty();
    }

    @Test
    void aLinkWhoseTextShowsOneAddressAndLeadsToAnother() {
        String html = "<p>Login di <a href=\"http://bank-jatim.login.evil.example/x\">www.bankjatim.co.id</a>,"
                + " lihat <a href=\"https://www.trenggalekkab.go.id/berita\">trenggalekkab.go.id/berita</a>"
                + " atau <a href=\"https://evil.example/\">klik di sini</a></p>";
        String raw = "From: a@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nLogin di www.bankjatim.co.id\r\n"
                + "--b\r\nContent-Type: text/html\r\n\r\n" + html + "\r\n--b--\r\n";
        ParsedMail mail = PARSER.parse(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(DangerSigns.of(mail)).containsExactly("Tautan menipu: teks \"www.bankjatim.co.id\" mengarah ke "
                + "hxxp://bank-jatim[.]login[.]evil[.]example/x");
    }

    @Test
    void aPlainReportHasNoSigns() {
        assertThat(DangerSigns.of(mail("Situs desa berisi judi online: http://desa.example/slot",
                part("layar.png", "image/png", bytes("\u0089PNG\r\n"))))).isEmpty();
    }

    @Test
    void addressesAreShownDefanged() {
        assertThat(Defanged.text("lihat https://evil.example.com/a.b?c=d dan http://1.2.3.4:8080/$1"))
                .isEqualTo("lihat hxxps://evil[.]example[.]com/a.b?c=d dan hxxp://1[.]2[.]3[.]4:8080/$1");
        // a scheme written twice hides no host
        assertThat(Defanged.text("x HTTP://://evil.example/")).isEqualTo("x hxxP://://evil[.]example/");
        // without "://" nothing is an address to defang
        assertThat(Defanged.text("lapor ke evil.example.com \u2014 1.2.3.4")).isEqualTo("lapor ke evil.example.com \u2014 1.2.3.4");
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String part(String filename, String type, byte[] content) {
        return "--p\r\nContent-Type: " + type + "\r\nContent-Disposition: attachment; filename=\"" + filename
                + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(content) + "\r\n";
    }

    private static ParsedMail mail(String text, String... parts) {
        StringBuilder raw = new StringBuilder("From: a@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=p\r\n\r\n--p\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(text).append("\r\n");
        for (String part : parts) {
            raw.append(part);
        }
        return PARSER.parse(raw.append("--p--\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }
}
