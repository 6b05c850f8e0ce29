package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first stage in the intake's transaction: the same bytes taken in twice (a second
 * delivery, a re-read after a crash between commit and move) are recognised by their
 * SHA-256 and change nothing. The message's keys stay locked until the transaction ends,
 * so two deliveries of one message, on any instance, cannot both pass.
 */
@Component("knownCopies")
public class KnownCopies {

    private final InboundMessageRepository messages;
    private final TicketRepository tickets;
    private final Logbook logbook;

    KnownCopies(InboundMessageRepository messages, TicketRepository tickets, Logbook logbook) {
        this.messages = messages;
        this.tickets = tickets;
        this.logbook = logbook;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Arrival recognise(Arrival arrival) {
        String messageId = arrival.mail().parsed().messageId();
        String copy = "sha256:" + arrival.mail().sha256();
        messages.lockMessageKeys(messageId == null ? List.of(copy) : List.of(copy, "message-id:" + messageId));
        return messages.ticketOfInboundBySha(arrival.mail().sha256()).map(arrival::copyOf).orElse(arrival);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public IntakeOutcome noteDuplicate(Arrival arrival) {
        long ticketId = arrival.copyOf().orElseThrow();
        logbook.record(ticketId, Logbook.SYSTEM, LogbookEvent.MESSAGE_DUPLICATE,
                "same bytes received again (SHA-256 " + arrival.mail().sha256() + "); nothing changed");
        return new IntakeOutcome.AlreadyReceived(tickets.numberOf(ticketId).toString());
    }
}
