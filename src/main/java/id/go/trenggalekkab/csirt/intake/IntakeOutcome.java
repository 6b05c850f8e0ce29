package id.go.trenggalekkab.csirt.intake;

/** What became of one inbound message: the body when the intake's transaction has committed. */
public sealed interface IntakeOutcome {

    String ticketNumber();

    /** A new ticket was opened (SOP steps 1-3). */
    record TicketCreated(String ticketNumber, long messageRowId) implements IntakeOutcome {}

    /** Added to an existing ticket's thread; no new ticket, no acknowledgement. */
    record FollowUpAdded(String ticketNumber, long messageRowId, String matchedBy) implements IntakeOutcome {}

    /** These exact bytes were taken in before (a second delivery, or a re-read after a crash). */
    record AlreadyReceived(String ticketNumber) implements IntakeOutcome {}
}
