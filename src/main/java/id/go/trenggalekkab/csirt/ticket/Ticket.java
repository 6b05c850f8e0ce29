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
 * @param step         the step the case is in (column {@code status})
 * @param stepDeadline null for steps without a time standard
 * @param category     null until step 5
 * @param priority     null until step 5
 * @param assignee     the officer in charge, or null
 */
public record Ticket(long id, TicketNumber number, CaseStep step, String reporterName, String reporterAddress,
                     String subject, Instant receivedAt, boolean automatic, String automaticReason,
                     Instant stepDeadline, Category category, Priority priority, Tlp tlp, String assignee) {

    /** Step 5's output: both category and priority set. */
    public boolean isCategorised() {
        return category != null && priority != null;
    }
}
