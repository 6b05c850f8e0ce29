package id.go.trenggalekkab.csirt.sla;

import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.SopGraph;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The mail of an overdue step: a reminder to whoever must act, or an escalation to the
 * supervisors. Names the case, the step, its standard, how late, and what completes it,
 * with the tag in the subject so a reply lands on the case.
 */
@Component
class SlaNotices {

    private final TicketRepository tickets;
    private final Mailer mailer;

    SlaNotices(TicketRepository tickets, Mailer mailer) {
        this.tickets = tickets;
        this.mailer = mailer;
    }

    /** Template {@code sla-notice}. */
    record SlaNotice(CaseHeading ticket, String name, boolean reminder, String level, String standard, String late,
                     String action) implements MailModel {

        @Override
        public String template() {
            return "sla-notice";
        }
    }

    void send(long ticketId, NoticeLevel level, List<Person> to, String standard, String late) {
        Ticket ticket = tickets.get(ticketId);
        for (Person person : to) {
            SlaNotice notice = new SlaNotice(CaseHeading.of(ticket), person.name(), level.isReminder(),
                    level.forPeople(), standard, late, SopGraph.completedBy(ticket.step()));
            mailer.queue(Letter.of(level.isReminder() ? MessageKind.SLA_REMINDER : MessageKind.SLA_ESCALATION,
                    notice, person.address(), person.name()).onCase(ticketId));
        }
    }
}
