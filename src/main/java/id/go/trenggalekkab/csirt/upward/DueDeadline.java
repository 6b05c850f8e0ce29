package id.go.trenggalekkab.csirt.upward;

import java.time.Instant;

/** A vital case's report upward, not yet sent, whose next notice is due: what the deadline sweep holds. */
public record DueDeadline(long ticketId, Instant deadline, int noticesSent, String vitalSystems, String assignee) {}
