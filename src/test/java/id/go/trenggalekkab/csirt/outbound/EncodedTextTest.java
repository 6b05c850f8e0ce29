package id.go.trenggalekkab.csirt.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A text part encoded by the desk is, byte for byte, the part Jakarta Mail writes when given
 * the text as a String in UTF-8 with the transfer encoding it chooses itself: on the desk's
 * own kind of text, on random text built to reach every encoding (control characters, lone
 * surrogates, long lines, scripts), and inside whole composed mails.
 */
class EncodedTextTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static final String[] DESK_TEXTS = {
            "",
            "Laporan Anda telah kami terima dengan nomor tiket [TTIS-2026-00042].\r\nTerima kasih.",
            "Pelapor menulis: \"Situs kami diretas\" \u2014 lihat lampiran.\n",
            "Caf\u00e9 r\u00e9sum\u00e9 na\u00efve =3D =\r\n titik= akhir=",
            "\u7db2\u7ad9\u88ab\u7be1\u6539\u4e86\u3002\u8acb\u5e6b\u52a9",
            "Darurat \uD83D\uDEA8\uD83D\uDEA8 situs diretas",
            "tab\tbaris\r\nkontrol\u0001\u007f akhir ",
            "setengah \uD83D pasangan dan \uDE00 sisanya",
            "x".repeat(998),
            "x".repeat(999),
            "baris dengan spasi di akhir   \nberikutnya\t\n",
            "<p>Yth. Bapak/Ibu,</p>\n<p>Laporan \u2014 <b>diterima</b></p>",
    };

    @Test
    void theDesksOwnTextsAreWrittenAsJakartaMailWritesThem() throws Exception {
        for (String text : DESK_TEXTS) {
            for (String subtype : List.of("plain", "html")) {
                assertThat(written(EncodedText.of(text, subtype).part())).as("%s part of %s", subtype, text)
                        .isEqualTo(written(jakartaMails(text, subtype)));
            }
        }
    }

    @Test
    void randomTextIsWrittenAsJakartaMailWritesIt() throws Exception {
        Random random = new Random(20261203);
        char[] alphabet = {'a', ' ', '\r', '\n', '\t', '=', '\u0000', '\u007f', '\u00e9', '\u4e2d', '\uD83D', '\uDE00', '.'};
        for (int round = 0; round < 1500; round++) {
            String text = RandomText.biased(random, alphabet, round < 1000 ? 60 : 4000);
            assertThat(written(EncodedText.of(text, "plain").part())).as("round %d", round)
                    .isEqualTo(written(jakartaMails(text, "plain")));
        }
    }

    @Test
    void aComposedMailCarriesTheTextAsJakartaMailWouldWriteIt() throws Exception {
        OutboundMailComposer composer = new OutboundMailComposer(
                new CsirtProperties("csirt@trenggalekkab.go.id", "TTIS Trenggalekkab", null, null, null), Clock.systemUTC());
        for (String text : DESK_TEXTS) {
            ComposedMail plain = composer.compose(new MailDraft(MessageKind.ACKNOWLEDGEMENT, "budi@example.org", "Budi",
                    "[TTIS-2026-00001] Laporan diterima", text, null, List.of()));
            MimeMessage alone = new MimeMessage(SESSION, new ByteArrayInputStream(plain.raw()));
            byte[] expected = written(jakartaMails(text, "plain"));
            assertThat(alone.getContentType()).isEqualTo("text/plain; charset=UTF-8");
            assertThat(alone.getEncoding()).isEqualTo(MimeUtility.getEncoding(new DataHandler(text, "text/plain; charset=UTF-8")));
            assertThat(body(plain.raw())).as("body of %s", text).isEqualTo(body(expected));

            ComposedMail mixed = composer.compose(new MailDraft(MessageKind.ACKNOWLEDGEMENT, "budi@example.org", "Budi",
                    "[TTIS-2026-00001] Laporan diterima", text, null, List.of(), List.of(
                    new MailDraft.Attachment("bukti.txt", "text/plain", "isi".getBytes(StandardCharsets.US_ASCII))), null, List.of()));
            BodyPart first = ((MimeMultipart) new MimeMessage(SESSION, new ByteArrayInputStream(mixed.raw())).getContent()).getBodyPart(0);
            assertThat(written((MimeBodyPart) first)).as("first part of %s", text).isEqualTo(expected);
        }
    }

    /** The part as Jakarta Mail writes text given as a String, with the encoding it chooses itself. */
    private static MimeBodyPart jakartaMails(String text, String subtype) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        MimeMultipart holder = new MimeMultipart();
        holder.addBodyPart(part);
        MimeMessage message = new MimeMessage(SESSION);
        message.setContent(holder);
        message.saveChanges();
        return part;
    }

    private static byte[] written(MimeBodyPart part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.writeTo(out);
        return out.toByteArray();
    }

    private static String body(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        return text.substring(text.indexOf("\r\n\r\n") + 4);
    }
}
