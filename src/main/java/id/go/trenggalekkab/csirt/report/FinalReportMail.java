package id.go.trenggalekkab.csirt.report;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailDraft;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.CaseClosed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Step 12's output goes to the officers and the supervisors, the PDF attached, in the
 * transaction that closed the case.
 */
@Component
class FinalReportMail {

    private final FinalReport report;
    private final TicketRepository tickets;
    private final Directory directory;
    private final Mailer mailer;

    FinalReportMail(FinalReport report, TicketRepository tickets, Directory directory, Mailer mailer) {
        this.report = report;
        this.tickets = tickets;
        this.directory = directory;
        this.mailer = mailer;
    }

    /** Template {@code final-report}. */
    record FinalReportNotice(CaseHeading ticket, String name) implements MailModel {

        @Override
        public String template() {
            return "final-report";
        }
    }

    @EventListener
    void onCaseClosed(CaseClosed closed) {
        Ticket ticket = tickets.get(closed.ticketId());
        List<MailDraft.Attachment> pdf = List.of(new MailDraft.Attachment("Laporan-" + ticket.number() + ".pdf",
                "application/pdf", report.render(ticket)));
        Map<String, Person> recipients = new LinkedHashMap<>();
        for (Role role : List.of(Role.OFFICER, Role.SUPERVISOR)) {
            directory.withRole(role).forEach(p -> recipients.putIfAbsent(p.address(), p));
        }
        for (Person p : recipients.values()) {
            mailer.queue(Letter.of(MessageKind.FINAL_REPORT, new FinalReportNotice(CaseHeading.of(ticket), p.name()),
                    p.address(), p.name()).onCase(ticket.id()).attaching(pdf));
        }
    }
}
