package id.go.trenggalekkab.csirt.intake.thread;

/** The case a message follows up, and which check said so (for the logbook). */
public record ThreadMatch(long ticketId, String matchedBy) {}
