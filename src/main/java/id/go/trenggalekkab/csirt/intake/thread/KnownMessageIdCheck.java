package id.go.trenggalekkab.csirt.intake.thread;

import id.go.trenggalekkab.csirt.intake.Arrival;
import id.go.trenggalekkab.csirt.intake.InboundMessageRepository;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Another copy of a message the desk holds (same Message-ID, other bytes: the same mail by
 * another route) joins that message's ticket, so nothing delivered is dropped or doubled.
 */
@Component
@Order(10)
class KnownMessageIdCheck implements ThreadCheck {

    private final InboundMessageRepository messages;

    KnownMessageIdCheck(InboundMessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Optional<ThreadMatch> match(Arrival arrival) {
        String messageId = arrival.mail().parsed().messageId();
        return messageId == null ? Optional.empty() : messages.ticketOfInboundMessageId(messageId)
                .map(ticket -> new ThreadMatch(ticket, "Message-ID " + messageId + " (another copy of a known message)"));
    }
}
