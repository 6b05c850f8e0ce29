package id.go.trenggalekkab.csirt.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.RawMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 3834 and the hourly limit, one rule at a time, on the count the database would give. */
class AcknowledgementPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T19:00:00Z");
    private final List<String> asked = new ArrayList<>();

    private AcknowledgementPolicy policy(int alreadySent) {
        return new AcknowledgementPolicy((address, since) -> {
            asked.add(address + " since " + since);
            return alreadySent;
        }, Clock.fixed(NOW, ZoneOffset.UTC), 5);
    }

    private static InboundMail from(String from) {
        byte[] raw = ("From: " + from + "\r\nSubject: laporan\r\n\r\nisi\r\n").getBytes(StandardCharsets.UTF_8);
        return new InboundMail(RawMessage.of(raw), new MailParser().parse(raw), NOW, null);
    }

    @Test
    void automaticMailIsNeverAnsweredAndTheLimitIsNotEvenAsked() {
        assertThat(policy(0).suppressionReason(from("budi@example.org"), Optional.of("Auto-Submitted: auto-replied")))
                .hasValue("automatic mail: Auto-Submitted: auto-replied");
        assertThat(asked).isEmpty();
    }

    @Test
    void anAddressThatIsNotOneGetsNothing() {
        assertThat(policy(0).suppressionReason(from("not an address"), Optional.empty()))
                .hasValue("no usable reporter address in From");
    }

    @Test
    void fiveAnHourThenSilenceCountedOverTheLastHour() {
        assertThat(policy(4).suppressionReason(from("budi@example.org"), Optional.empty())).isEmpty();
        assertThat(asked).containsExactly("budi@example.org since " + NOW.minus(Duration.ofHours(1)));
        assertThat(policy(5).suppressionReason(from("budi@example.org"), Optional.empty()))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("rate limit: 5 acknowledgements"));
    }
}
