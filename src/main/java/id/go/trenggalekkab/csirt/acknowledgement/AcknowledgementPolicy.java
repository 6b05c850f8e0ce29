package id.go.trenggalekkab.csirt.acknowledgement;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether a new ticket's reporter gets an acknowledgement. Never for automatic mail
 * (RFC 3834), never to an address that is not one, and at most N per sender per hour,
 * so that even a robot that escapes every header check cannot drive a mail storm.
 */
@Component
public class AcknowledgementPolicy {

    /** How many acknowledgements went to an address since a given time. */
    @FunctionalInterface
    interface RecentAcknowledgements {
        int countSince(String address, Instant since);
    }

    private final RecentAcknowledgements recent;
    private final Clock clock;
    private final int maxPerSenderPerHour;

    @Autowired
    AcknowledgementPolicy(AcknowledgementRepository repository, Clock clock, CsirtProperties properties) {
        this(repository::countSince, clock, properties.acknowledgement().maxPerSenderPerHour());
    }

    AcknowledgementPolicy(RecentAcknowledgements recent, Clock clock, int maxPerSenderPerHour) {
        this.recent = recent;
        this.clock = clock;
        this.maxPerSenderPerHour = maxPerSenderPerHour;
    }

    /** Why no acknowledgement may go out, or empty where one may. */
    public Optional<String> suppressionReason(InboundMail mail, Optional<String> automaticReason) {
        if (automaticReason.isPresent()) {
            return Optional.of("automatic mail: " + automaticReason.get());
        }
        String address = mail.parsed().fromAddress();
        if (address == null || !isDeliverable(address)) {
            return Optional.of("no usable reporter address in From");
        }
        int sent = recent.countSince(address, clock.instant().minus(Duration.ofHours(1)));
        if (sent >= maxPerSenderPerHour) {
            return Optional.of("rate limit: " + sent + " acknowledgements to " + address + " in the last hour");
        }
        return Optional.empty();
    }

    private static boolean isDeliverable(String address) {
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
