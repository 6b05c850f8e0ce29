package id.go.trenggalekkab.csirt.intake.thread;

import id.go.trenggalekkab.csirt.intake.Arrival;
import id.go.trenggalekkab.csirt.intake.InboundMessageRepository;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A reply by its headers: In-Reply-To or References naming a message of a case, in either
 * direction (the desk's own acknowledgement included), nearest first.
 */
@Component
@Order(30)
class ReferencesCheck implements ThreadCheck {

    private final InboundMessageRepository messages;

    ReferencesCheck(InboundMessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Optional<ThreadMatch> match(Arrival arrival) {
        return messages.ticketOfAnyMessageId(arrival.mail().parsed().threadIds())
                .map(ticket -> new ThreadMatch(ticket, "In-Reply-To/References"));
    }
}
