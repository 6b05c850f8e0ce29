package id.go.trenggalekkab.csirt.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.mail.LoopHeader;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.Sha256;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OutboundMailComposerTest {

    private final OutboundMailComposer composer = new OutboundMailComposer(
            new CsirtProperties("csirt@trenggalekkab.go.id", "TTIS Trenggalekkab", null, null, null), Clock.systemUTC());

    private static MimeMessage read(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    @Test
    void everyMessageCarriesTheMarksThatPreventMailLoops() throws Exception {
        ComposedMail mail = composer.compose(new MailDraft(MessageKind.ACKNOWLEDGEMENT, "budi@example.org", "Budi",
                "[TTIS-2026-00001] Laporan diterima: x", "isi", "<r1@example.org>",
                List.of("<r0@example.org>", "<r1@example.org>")));
        MimeMessage m = read(mail.raw());
        assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(m.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(m.getHeader(LoopHeader.NAME, null)).isEqualTo("csirt@trenggalekkab.go.id");
        assertThat(m.getHeader("In-Reply-To", null)).isEqualTo("<r1@example.org>");
        assertThat(m.getHeader("References", null).replaceAll("\\s+", " ")).isEqualTo("<r0@example.org> <r1@example.org>");
        assertThat(m.getMessageID()).isEqualTo(mail.messageId()).endsWith("@trenggalekkab.go.id>");
        assertThat(mail.sha256()).isEqualTo(Sha256.hex(mail.raw()));
    }

    @Test
    void reporterInputCannotInjectHeaders() throws Exception {
        String hostileSubject = "Laporan\r\nBcc: victim@example.org\r\nX-Injected: yes";
        String hostileName = "Budi\r\nCc: other@example.org";
        ComposedMail mail = composer.compose(new MailDraft(MessageKind.ACKNOWLEDGEMENT, "budi@example.org", hostileName,
                hostileSubject, "isi", "<ok@example.org>\r\nX-Evil: 1", List.of("<a@b>\r\nX-Evil: 2")));
        MimeMessage m = read(mail.raw());
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getHeader("Cc")).isNull();
        assertThat(m.getHeader("X-Injected")).isNull();
        assertThat(m.getHeader("X-Evil")).isNull();
        assertThat(m.getHeader("In-Reply-To")).isNull();
        assertThat(m.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("budi@example.org");
        assertThat(m.getSubject()).isEqualTo("Laporan Bcc: victim@example.org X-Injected: yes");
        String headerBlock = new String(mail.raw(), StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0];
        assertThat(headerBlock).doesNotContain("\r\nBcc:").doesNotContain("\r\nX-Injected:");
    }
}
