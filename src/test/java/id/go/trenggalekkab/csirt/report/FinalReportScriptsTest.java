package id.go.trenggalekkab.csirt.report;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.PdfText;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A reporter whose name and file names are not in Latin script: the final report prints them
 * (the fonts are embedded, DejaVu from the jar), and what no font has is shown as U+FFFD
 * with a note, never silently dropped. With the PDF's standard Helvetica, every Greek and
 * Cyrillic letter vanished from the evidence table.
 */
class FinalReportScriptsTest extends DeskIntegrationTest {

    @Test
    void greekAndCyrillicNamesAndFileNamesPrintAndAMissingGlyphIsMarked() throws Exception {
        String reporter = uniqueAddress("dmitri");
        String messageId = TestMail.newMessageId();
        Session session = Session.getInstance(new Properties());
        MimeMessage report = new MimeMessage(session);
        report.setFrom(new InternetAddress(reporter, "Дмитрий Ωμέγα", "UTF-8"));
        report.setRecipient(Message.RecipientType.TO, new InternetAddress(TestServers.DESK));
        report.setSubject("Situs desa diretas 网站", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Halaman depan diganti; tangkapan layar terlampir.", "UTF-8");
        MimeBodyPart screenshot = new MimeBodyPart();
        screenshot.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {1, 2, 3, 4}, "image/png")));
        screenshot.setFileName("bukti_Ωμέγα_дефейс.png");
        report.setContent(new MimeMultipart(text, screenshot));
        report.saveChanges();
        report.setHeader("Message-ID", messageId);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        report.writeTo(raw);
        TestMail.deliver(reporter, raw.toByteArray());
        String ticket = awaitTicketOf(messageId);

        String pdf = PdfText.of(http.getForObject("/api/tickets/" + ticket + "/report.pdf", byte[].class));
        assertThat(pdf).contains("Дмитрий Ωμέγα").contains("bukti_Ωμέγα_дефейс.png");
        assertThat(pdf).as("no shipped font has CJK: marked, and said so")
                .contains("Situs desa diretas \uFFFD\uFFFD").contains("sebagian karakter tidak dapat ditampilkan");
    }
}
