package id.go.trenggalekkab.csirt.ticket;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.SopGraph;
import id.go.trenggalekkab.csirt.system.Wib;
import java.util.stream.Collectors;

/**
 * A case as every mail about it shows it, in words for people: mail templates name these
 * as {@code {{ticket.tag}}}, {@code {{ticket.step}}}... Nothing here is null, and the
 * reporter's subject is echoed defanged ({@link EchoedText}).
 */
public record CaseHeading(String number, String tag, String tlp, String subject, String step, String deadline,
                          String next, String category, String priority, String assignee) {

    /**
     * The case as told to someone whose own report is another ticket (a report merged into
     * this case): their own subject, never another reporter's words.
     */
    public CaseHeading shownWith(String ownSubject) {
        return new CaseHeading(number, tag, tlp, ownSubject == null ? "" : EchoedText.defang(ownSubject), step, deadline,
                next, category, priority, assignee);
    }

    public static CaseHeading of(Ticket t) {
        CaseStep step = t.step();
        return new CaseHeading(t.number().toString(), t.number().tag(), t.tlp().label(),
                t.subject() == null ? "" : EchoedText.defang(t.subject()), step.describe(),
                t.stepDeadline() == null ? "-" : Wib.human(t.stepDeadline()),
                step.isFinished() || step == CaseStep.AUTOMATIC || step == CaseStep.MERGED ? "-"
                        : SopGraph.nextSteps(step).stream().map(CaseStep::describe).collect(Collectors.joining(" atau ")),
                t.category() == null ? "belum" : t.category().toString(),
                t.priority() == null ? "belum" : t.priority().indonesian(),
                t.assignee() == null ? "belum" : t.assignee());
    }
}
