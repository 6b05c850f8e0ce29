package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import java.time.Instant;

/**
 * One stay of a case in one step (table {@code case_step}).
 *
 * @param deadline null for steps without a time standard
 * @param leftAt   null while the case is still in the step
 * @param note     what whoever completed the step wrote with their command
 */
public record StepVisit(CaseStep step, Instant enteredAt, String enteredBy, Instant deadline, Instant leftAt,
                        String leftBy, String note) {}
