package id.go.trenggalekkab.csirt.intake.thread;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.intake.Arrival;
import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.RawMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chain's contract: checks asked in order, the first match places the message, none opens a ticket. */
class ThreadMatcherTest {

    private final List<String> asked = new ArrayList<>();

    private ThreadCheck check(String name, Long ticket) {
        return arrival -> {
            asked.add(name);
            return ticket == null ? Optional.empty() : Optional.of(new ThreadMatch(ticket, name));
        };
    }

    private static Arrival arrival() {
        byte[] raw = "From: budi@example.org\r\nSubject: Re: laporan\r\n\r\nisi\r\n".getBytes(StandardCharsets.UTF_8);
        InboundMail mail = new InboundMail(RawMessage.of(raw), new MailParser().parse(raw), Instant.now(), null);
        return Arrival.of(mail, Optional.empty(), Optional.empty());
    }

    @Test
    void theFirstCheckThatMatchesPlacesTheMessageAndTheRestAreNotAsked() {
        ThreadMatcher matcher = new ThreadMatcher(List.of(check("copy", null), check("tag", 42L), check("refs", 7L)));
        assertThat(matcher.place(arrival()).thread()).contains(new ThreadMatch(42L, "tag"));
        assertThat(asked).containsExactly("copy", "tag");
    }

    @Test
    void aMessageNoCheckPlacesIsANewReport() {
        ThreadMatcher matcher = new ThreadMatcher(List.of(check("copy", null), check("tag", null)));
        assertThat(matcher.place(arrival()).thread()).isEmpty();
        assertThat(asked).containsExactly("copy", "tag");
    }
}
