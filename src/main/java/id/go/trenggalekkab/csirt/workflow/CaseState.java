package id.go.trenggalekkab.csirt.workflow;

import java.time.Instant;

/** A case as the workflow sees it, read under a row lock for the length of one mail's commands. */
public record CaseState(
        long ticketId,
        String number,
        CaseStep step,
        Instant stepDeadline,
        String category,
        String subcategory,
        String priority,
        String tlp,
        String assignee,
        String reporterName,
        String reporterAddress,
        String subject,
        boolean automatic) {

    public boolean isCategorised() {
        return category != null && priority != null;
    }
}
