package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.ticket.TicketNumber;

/**
 * Step 12 is done: published inside the transaction that closed the case, so that what it
 * causes (the final report mailed to officers and supervisors) commits with it or not at all.
 */
public record CaseClosed(long ticketId, TicketNumber number) {}
