package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.logbook.MailStage;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Officers hear of what they must look at: a stranger's mail on a case, a command that
 * failed authentication. A stranger may write as often as they like; the officers hear of
 * it at most once an hour per case, and that alert counts the mail held back since the last.
 */
@Component
class OfficerAlerts {

    /** At most one alert about strangers' mail per case in this time. */
    static final Duration STRANGER_ALERT_INTERVAL = Duration.ofHours(1);

    private final Directory directory;
    private final Mailer mailer;
    private final CaseRepository cases;
    private final Logbook logbook;
    private final Clock clock;

    OfficerAlerts(Directory directory, Mailer mailer, CaseRepository cases, Logbook logbook, Clock clock) {
        this.directory = directory;
        this.mailer = mailer;
        this.cases = cases;
        this.logbook = logbook;
        this.clock = clock;
    }

    /**
     * Template {@code officer-alert}: a stranger's mail (with its subject, and how many more
     * came since the last alert) or an unauthenticated command (with why).
     */
    record OfficerAlert(CaseHeading ticket, String name, boolean stranger, boolean unauthenticated, String sender,
                        String subject, int heldBack, String reason, String commands) implements MailModel {

        @Override
        public String template() {
            return "officer-alert";
        }

        public boolean hasHeldBack() {
            return heldBack > 0;
        }

        OfficerAlert to(Person officer) {
            return new OfficerAlert(ticket, officer.name(), stranger, unauthenticated, sender, subject, heldBack, reason,
                    commands);
        }
    }

    void stranger(Ticket ticket, String sender, String subject) {
        Instant now = clock.instant();
        Optional<Instant> last = cases.lastStrangerAlert(ticket.id(), now);
        if (last.isPresent() && last.get().isAfter(now.minus(STRANGER_ALERT_INTERVAL))) {
            logbook.recordMail(ticket.id(), MessageKind.OFFICER_ALERT, MailStage.SUPPRESSED, "stranger mail from "
                    + sender + ": officers hear of strangers once an hour per case; the next alert counts it");
            return;
        }
        // this mail's own entry is in the logbook already; the rest since the last alert were held back
        int heldBack = Math.max(0, logbook.countSince(ticket.id(), LogbookEvent.NON_PARTICIPANT_MESSAGE,
                last.orElse(Instant.EPOCH)) - 1);
        cases.recordStrangerAlert(ticket.id(), now);
        alert(ticket, new OfficerAlert(CaseHeading.of(ticket), null, true, false, sender, subject, heldBack, null, null));
    }

    void unauthenticatedCommand(Ticket ticket, String sender, String reason, String commands) {
        alert(ticket, new OfficerAlert(CaseHeading.of(ticket), null, false, true, sender, null, 0, reason, commands));
    }

    private void alert(Ticket ticket, OfficerAlert alert) {
        for (Person officer : directory.withRole(Role.OFFICER)) {
            mailer.queue(Letter.of(MessageKind.OFFICER_ALERT, alert.to(officer), officer.address(), officer.name())
                    .onCase(ticket.id()));
        }
    }
}
