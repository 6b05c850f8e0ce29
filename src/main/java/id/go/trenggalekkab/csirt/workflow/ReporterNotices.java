package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.MailStage;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the reporter hears of their case after the acknowledgement: that it was verified as
 * an incident, or judged not to be one (with the officer's reason), and that it is closed.
 * Automatic mail has nobody to tell.
 */
@Component
class ReporterNotices {

    private final Mailer mailer;
    private final Logbook logbook;
    private final CaseRepository cases;
    private final TicketRepository tickets;

    ReporterNotices(Mailer mailer, Logbook logbook, CaseRepository cases, TicketRepository tickets) {
        this.mailer = mailer;
        this.logbook = logbook;
        this.cases = cases;
        this.tickets = tickets;
    }

    /** Template {@code reporter-message}: an officer's own words, a question where the desk waits for the answer. */
    record ReporterMessage(CaseHeading ticket, String name, String text, boolean question) implements MailModel {

        @Override
        public String template() {
            return "reporter-message";
        }
    }

    /**
     * An officer's words to the reporter, from the desk's address (the officer's own stays
     * unknown to them), threaded on the acknowledgement the reporter already has.
     */
    boolean message(Ticket ticket, String text, boolean question) {
        Letter letter = Letter.of(MessageKind.REPORTER_MESSAGE,
                new ReporterMessage(CaseHeading.of(ticket), ticket.reporterName(), text, question),
                ticket.reporterAddress(), null).onCase(ticket.id());
        Optional<String> acknowledgement = cases.acknowledgementOf(ticket.id());
        return mailer.queue(acknowledgement.map(letter::answering).orElse(letter)).isPresent();
    }

    /**
     * Template {@code reporter-notice}: one of verified, notIncident (with the reason), closed
     * or merged.
     *
     * @param otherCase for a merged notice, the main case; for a main case's notice to the
     *                  reporter of a case merged into it, their own case; otherwise null
     */
    record ReporterNotice(CaseHeading ticket, String name, boolean verified, boolean notIncident, boolean closed,
                          boolean merged, String reason, String otherCase) implements MailModel {

        @Override
        public String template() {
            return "reporter-notice";
        }

        /** For the reporter of a case merged into this one: their own name and subject, never the main reporter's. */
        ReporterNotice toLinked(Ticket linked) {
            return new ReporterNotice(ticket.shownWith(linked.subject()), linked.reporterName(), verified, notIncident,
                    closed, merged, reason, linked.number().toString());
        }
    }

    /** Each returns whether the notice could go; the logbook says why where it could not. */
    boolean verified(Ticket ticket) {
        return tell(ticket, "verified", new ReporterNotice(CaseHeading.of(ticket), ticket.reporterName(), true, false,
                false, false, null, null));
    }

    boolean notAnIncident(Ticket ticket, String reason) {
        return tell(ticket, "not an incident",
                new ReporterNotice(CaseHeading.of(ticket), ticket.reporterName(), false, true, false, false, reason, null));
    }

    boolean closed(Ticket ticket) {
        return tell(ticket, "closed", new ReporterNotice(CaseHeading.of(ticket), ticket.reporterName(), false, false,
                true, false, null, null));
    }

    /** The reporter of a case merged into a main one, told once, on their own thread. */
    boolean merged(Ticket linked, Ticket main) {
        return tell(linked, "merged into " + main.number(), new ReporterNotice(CaseHeading.of(linked),
                linked.reporterName(), false, false, false, true, null, main.number().toString()));
    }

    private boolean tell(Ticket ticket, String what, ReporterNotice notice) {
        if (ticket.reporterAddress() == null || ticket.automatic()) {
            logbook.recordMail(ticket.id(), MessageKind.REPORTER_NOTICE, MailStage.SUPPRESSED,
                    what + ": no reporter to tell (automatic mail or no address)");
            return true;
        }
        boolean told = mailer.queue(Letter.of(MessageKind.REPORTER_NOTICE, notice, ticket.reporterAddress(), null)
                .onCase(ticket.id())).isPresent();
        if (!notice.merged()) {
            // the reporters of cases merged into this one follow its notices, on its thread
            for (long linkedId : cases.linkedCases(ticket.id())) {
                Ticket linked = tickets.get(linkedId);
                if (linked.reporterAddress() != null && !linked.reporterAddress().equalsIgnoreCase(ticket.reporterAddress())) {
                    mailer.queue(Letter.of(MessageKind.REPORTER_NOTICE, notice.toLinked(linked), linked.reporterAddress(),
                            null).onCase(ticket.id()));
                }
            }
        }
        return told;
    }
}
