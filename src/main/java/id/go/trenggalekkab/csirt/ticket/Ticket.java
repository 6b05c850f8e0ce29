package id.go.trenggalekkab.csirt.ticket;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Category;
import id.go.trenggalekkab.csirt.sop.Priority;
import id.go.trenggalekkab.csirt.sop.Tlp;
import java.time.Instant;

/**
 * A ticket: the case one report opened, where it stands in the SOP and what officers
 * decided of it so far.
 *
 * @param number       null only inside a new report's transaction, until it is numbered
 * @param step         the step the case is in (column {@code status})
 * @param stepDeadline null for steps without a time standard
 * @param category     null until step 5
 * @param priority     null until step 5
 * @param assignee     the officer in charge, or null
 */
public record Ticket(long id, TicketNumber number, CaseStep step, String reporterName, String reporterAddress,
                     String subject, Instant receivedAt, boolean automatic, String automaticReason,
                     Instant stepDeadline, Category category, Priority priority, Tlp tlp, String assignee) {

    /** This ticket with the number given to it in its intake's transaction ({@link TicketRepository#number}). */
    public Ticket numbered(TicketNumber given) {
        return new Ticket(id, given, step, reporterName, reporterAddress, subject, receivedAt, automatic, automaticReason,
                stepDeadline, category, priority, tlp, assignee);
    }

    /** Step 5's output: both category and priority set. */
    public boolean isCategorised() {
        return category != null && priority != null;
    }
}
