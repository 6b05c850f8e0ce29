package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import org.springframework.stereotype.Component;

/** Officers hear of what they must look at: a stranger's mail on a case, a command that failed authentication. */
@Component
class OfficerAlerts {

    private final Directory directory;
    private final Mailer mailer;

    OfficerAlerts(Directory directory, Mailer mailer) {
        this.directory = directory;
        this.mailer = mailer;
    }

    /** Template {@code officer-alert}: a stranger's mail (with its subject) or an unauthenticated command (with why). */
    record OfficerAlert(CaseHeading ticket, String name, boolean stranger, boolean unauthenticated, String sender,
                        String subject, String reason, String commands) implements MailModel {

        @Override
        public String template() {
            return "officer-alert";
        }

        OfficerAlert to(Person officer) {
            return new OfficerAlert(ticket, officer.name(), stranger, unauthenticated, sender, subject, reason, commands);
        }
    }

    void stranger(Ticket ticket, String sender, String subject) {
        alert(ticket, new OfficerAlert(CaseHeading.of(ticket), null, true, false, sender, subject, null, null));
    }

    void unauthenticatedCommand(Ticket ticket, String sender, String reason, String commands) {
        alert(ticket, new OfficerAlert(CaseHeading.of(ticket), null, false, true, sender, null, reason, commands));
    }

    private void alert(Ticket ticket, OfficerAlert alert) {
        for (Person officer : directory.withRole(Role.OFFICER)) {
            mailer.queue(Letter.of(MessageKind.OFFICER_ALERT, alert.to(officer), officer.address(), officer.name())
                    .onCase(ticket.id()));
        }
    }
}
