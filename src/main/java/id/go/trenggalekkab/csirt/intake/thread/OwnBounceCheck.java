package id.go.trenggalekkab.csirt.intake.thread;

import id.go.trenggalekkab.csirt.intake.Arrival;
import id.go.trenggalekkab.csirt.intake.InboundMessageRepository;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A delivery report that returns the desk's own mail joins the case that mail was about:
 * only where it names a Message-ID the desk really sent. A look-alike ID places nothing.
 */
@Component
@Order(40)
class OwnBounceCheck implements ThreadCheck {

    private final InboundMessageRepository messages;

    OwnBounceCheck(InboundMessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Optional<ThreadMatch> match(Arrival arrival) {
        return arrival.bounce().flatMap(bounce -> messages.ticketOfSentMessageId(bounce.deskMessageIds())
                .map(ticket -> new ThreadMatch(ticket, "bounce of the desk's own mail " + bounce.deskMessageIds())));
    }
}
