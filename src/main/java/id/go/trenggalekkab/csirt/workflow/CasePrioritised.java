package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.sop.Priority;

/**
 * An officer set the case's priority (step 5). Published inside the command's transaction:
 * a high priority is the high risk the BSSN regulation has reported upward, and its draft
 * commits with the command or not at all.
 */
public record CasePrioritised(long ticketId, Priority priority) {}
