package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.workflow.Sender;
import java.util.Optional;

/**
 * A message stored as evidence on its ticket: a new report with its new ticket, or a
 * follow-up on the thread it matched.
 *
 * @param number the ticket's number; null for a new report until its ticket is numbered, late
 *               in the transaction ({@link NewCases#number})
 * @param sender a follow-up's sender as the case stands towards them, resolved once as it is
 *               stored and read by every later stage; empty for a new report
 * @param indicatorsFound whether the message added indicators to a new report's case, which
 *               is told of them once it is numbered
 */
public record StoredMail(Arrival arrival, long ticketId, TicketNumber number, long messageRowId,
                         Optional<Sender> sender, boolean indicatorsFound) {

    StoredMail(Arrival arrival, long ticketId, TicketNumber number, long messageRowId, Optional<Sender> sender) {
        this(arrival, ticketId, number, messageRowId, sender, false);
    }

    StoredMail numbered(TicketNumber given) {
        return new StoredMail(arrival, ticketId, given, messageRowId, sender, indicatorsFound);
    }

    StoredMail withIndicatorsFound() {
        return new StoredMail(arrival, ticketId, number, messageRowId, sender, true);
    }

    public boolean followUp() {
        return arrival.thread().isPresent();
    }
}
