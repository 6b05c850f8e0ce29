package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.ticket.TicketNumber;

/**
 * A message stored as evidence on its ticket: a new report with its new ticket, or a
 * follow-up on the thread it matched.
 */
public record StoredMail(Arrival arrival, long ticketId, TicketNumber number, long messageRowId) {

    public boolean followUp() {
        return arrival.thread().isPresent();
    }
}
