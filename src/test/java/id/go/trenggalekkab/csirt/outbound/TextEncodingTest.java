package id.go.trenggalekkab.csirt.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The transfer encoding worked out from the text is the one Jakarta Mail picks by writing
 * the text out: checked against it on the desk's own kind of text (Indonesian, reporters'
 * words echoed with their accents, scripts and emoji) and on text written to catch a
 * counter out (control characters, DEL, lone surrogates, lines at and past 998 bytes).
 */
class TextEncodingTest {

    @Test
    void theDesksOwnTextsGetTheEncodingJakartaMailWouldGiveThem() {
        for (String text : new String[] {
                "",
                "Laporan Anda telah kami terima dengan nomor tiket [TTIS-2026-00042].\r\nTerima kasih.",
                "Pelapor menulis: \"Situs kami diretas\" \u2014 lihat lampiran.\n",
                "Caf\u00e9 r\u00e9sum\u00e9 na\u00efve",
                "\u7db2\u7ad9\u88ab\u7be1\u6539\u4e86\u3002\u8acb\u5e6b\u52a9",
                "Darurat \uD83D\uDEA8\uD83D\uDEA8 situs diretas",
                "tab\tbaris\r\nkontrol\u0001\u007f akhir",
                "setengah \uD83D pasangan dan \uDE00 sisanya",
                "x".repeat(998),
                "x".repeat(999),
                "x".repeat(997) + "\u00e9",
                "y".repeat(500) + "\r\n" + "y".repeat(998) + "\n" + "z",
        }) {
            assertThat(encodingOf(text)).as("encoding of %s", text).isEqualTo(jakartaMails(text));
        }
    }

    @Test
    void randomTextGetsTheEncodingJakartaMailWouldGiveIt() {
        Random random = new Random(20261203);
        char[] alphabet = {'a', ' ', '\r', '\n', '\t', '\u0000', '\u007f', '\u00e9', '\u4e2d', '\uD83D', '\uDE00', '.'};
        for (int round = 0; round < 2000; round++) {
            String text = RandomText.biased(random, alphabet, round < 1500 ? 40 : 3000);
            assertThat(encodingOf(text)).as("encoding of round %d", round).isEqualTo(jakartaMails(text));
        }
    }

    /** As the composer asks: of the text's UTF-8 bytes, as Jakarta Mail's writer gives them. */
    private static String encodingOf(String text) {
        return TextEncoding.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String jakartaMails(String text) {
        return MimeUtility.getEncoding(new DataHandler(text, "text/plain; charset=UTF-8"));
    }
}
