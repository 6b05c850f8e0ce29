package id.go.trenggalekkab.csirt.web;

import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import java.time.Instant;

/**
 * A case as the web view shows it in one line of the queue and at the head of its page:
 * in words, with the step's time left (text and colour class) as of now.
 */
record CaseLine(String number, String subject, String step, String timeLeft, String timeClass, String tlp,
                String tlpClass, String priority, String category, String assignee, String received) {

    static CaseLine of(Ticket t, Instant now) {
        TimeLeft left = TimeLeft.of(t.stepDeadline(), now);
        return new CaseLine(t.number().toString(), t.subject() == null ? "(tanpa perihal)" : t.subject(),
                t.step().describe(), left.text(), left.cssClass(), t.tlp().label(), t.tlp().name(),
                t.priority() == null ? "-" : t.priority().indonesian(),
                t.category() == null ? "-" : t.category().toString(),
                t.assignee() == null ? "-" : t.assignee(), Wib.human(t.receivedAt()));
    }
}
