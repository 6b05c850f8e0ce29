package id.go.trenggalekkab.csirt.sla;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import java.time.Instant;

/** An open step whose next notice is due: what the sweep holds to its time standard. */
public record OverdueStep(long id, long ticketId, CaseStep step, Instant enteredAt, Instant deadline, String assignee) {}
