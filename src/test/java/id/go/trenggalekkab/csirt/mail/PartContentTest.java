package id.go.trenggalekkab.csirt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.system.Sha256;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An attachment is read three times on its way in (hashed, its head looked at, stored);
 * undoing its base64 each time was a tenth of the intake's CPU in a flood. A part is
 * decoded once and kept while its message's parts fit the budget; past it, the part is
 * decoded again each time it is read, so a 25 MB report never holds 25 MB arrays.
 */
class PartContentTest {

    @Test
    void aSmallPartIsDecodedOnceHoweverOftenItIsRead() throws Exception {
        byte[] screenshot = random(40_000);
        CountingPart part = base64Part(screenshot);

        PartContent content = PartContent.decoded(part, "1.2", new ArrayList<>(), new PartContent.Budget());
        for (int read = 0; read < 3; read++) {
            assertThat(content.readAll()).isEqualTo(screenshot);
        }

        assertThat(part.decodings).isEqualTo(1);
        assertThat(content.sha256()).isEqualTo(Sha256.hex(screenshot));
        assertThat(content.size()).isEqualTo(screenshot.length);
    }

    @Test
    void partsPastTheMessagesBudgetAreDecodedAgainWhenRead() throws Exception {
        PartContent.Budget budget = new PartContent.Budget();
        byte[] first = random((int) (PartContent.Budget.PER_MESSAGE * 3 / 4));
        byte[] second = random((int) (PartContent.Budget.PER_MESSAGE / 2));
        CountingPart kept = base64Part(first);
        CountingPart notKept = base64Part(second);
        List<String> warnings = new ArrayList<>();

        PartContent keptContent = PartContent.decoded(kept, "1.2", warnings, budget);
        PartContent notKeptContent = PartContent.decoded(notKept, "1.3", warnings, budget);
        assertThat(keptContent.readAll()).isEqualTo(first);
        assertThat(notKeptContent.readAll()).isEqualTo(second);
        assertThat(notKeptContent.readAll()).isEqualTo(second);

        assertThat(kept.decodings).isEqualTo(1);
        assertThat(notKept.decodings).as("measured, then read twice").isEqualTo(3);
        assertThat(notKeptContent.sha256()).isEqualTo(Sha256.hex(second));
        assertThat(warnings).isEmpty();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static CountingPart base64Part(byte[] content) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "application/octet-stream");
        headers.setHeader("Content-Transfer-Encoding", "base64");
        return new CountingPart(headers, Base64.getMimeEncoder().encodeToString(content).getBytes(StandardCharsets.US_ASCII));
    }

    /** A MIME part that counts how often its content is decoded. */
    private static final class CountingPart extends MimeBodyPart {
        int decodings;

        CountingPart(InternetHeaders headers, byte[] transmitted) throws MessagingException {
            super(headers, transmitted);
        }

        @Override
        public InputStream getInputStream() throws java.io.IOException, MessagingException {
            decodings++;
            return super.getInputStream();
        }
    }
}
