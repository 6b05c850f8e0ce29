package id.go.trenggalekkab.csirt.acknowledgement;

import id.go.trenggalekkab.csirt.intake.InboundMail;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.ticket.MessageRepository;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a new ticket's reporter gets an acknowledgement. Never for automatic mail
 * (RFC 3834), never to an address that is not one, and at most N per sender per hour,
 * so that even a robot that escapes every header check cannot drive a mail storm.
 */
@Component
public class AcknowledgementPolicy {

    private final MessageRepository messages;
    private final Clock clock;
    private final int maxPerSenderPerHour;

    public AcknowledgementPolicy(MessageRepository messages, Clock clock, CsirtProperties properties) {
        this.messages = messages;
        this.clock = clock;
        this.maxPerSenderPerHour = properties.acknowledgement().maxPerSenderPerHour();
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
        messages.lockMessageKey("ack-rate:" + address);
        int recent = messages.acknowledgementsTo(address, clock.instant().minus(Duration.ofHours(1)));
        if (recent >= maxPerSenderPerHour) {
            return Optional.of("rate limit: " + recent + " acknowledgements to " + address + " in the last hour");
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
