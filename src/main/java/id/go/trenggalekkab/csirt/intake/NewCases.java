package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.acknowledgement.Acknowledgements;
import id.go.trenggalekkab.csirt.indicator.CaseIndicators;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.CaseIntake;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new report's last stages: its ticket is numbered, its case opens in step 4, and its
 * reporter's acknowledgement is queued.
 */
@Component("newCases")
public class NewCases {

    private final TicketRepository tickets;
    private final Logbook logbook;
    private final CaseIndicators indicators;
    private final CaseIntake cases;
    private final Acknowledgements acknowledgements;

    NewCases(TicketRepository tickets, Logbook logbook, CaseIndicators indicators, CaseIntake cases,
             Acknowledgements acknowledgements) {
        this.tickets = tickets;
        this.logbook = logbook;
        this.indicators = indicators;
        this.cases = cases;
        this.acknowledgements = acknowledgements;
    }

    /**
     * The ticket gets its number, the next of the year of receipt in WIB. Late in the
     * transaction on purpose: from here to the commit every other new report waits for this
     * one ({@link TicketRepository#number}), and the shorter that wait, the more reports are
     * taken in side by side. A report that brought indicators is announced to what
     * watches a case's indicators now, once the case has a number to write about.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredMail number(StoredMail stored) {
        Arrival arrival = stored.arrival();
        ParsedMail parsed = arrival.mail().parsed();
        TicketNumber number = tickets.number(stored.ticketId(), Wib.yearOf(arrival.mail().receivedAt()));
        logbook.record(stored.ticketId(), Logbook.SYSTEM, LogbookEvent.TICKET_CREATED,
                number + " from " + (parsed.fromAddress() == null ? "an unknown sender" : parsed.fromAddress())
                        + EvidenceStore.automaticNote(arrival));
        MessageLogContext.onTicket(number.toString());
        if (stored.indicatorsFound()) {
            indicators.messageAdded(stored.ticketId());
        }
        return stored.numbered(number);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StoredMail open(StoredMail stored) {
        cases.openCase(stored.ticketId(), stored.arrival().mail(), stored.arrival().automatic());
        return stored;
    }

    /** Whether the reporter may be acknowledged, asked before the number is taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Acknowledgements.Decision decideAcknowledgement(StoredMail stored) {
        return acknowledgements.decide(stored.arrival().mail(), stored.arrival().automaticReason());
    }

    /** @param decision {@link #decideAcknowledgement}, in the same transaction */
    @Transactional(propagation = Propagation.MANDATORY)
    public IntakeOutcome acknowledge(StoredMail stored, Acknowledgements.Decision decision) {
        acknowledgements.acknowledge(stored.ticketId(), stored.number(), stored.arrival().mail(), decision);
        return new IntakeOutcome.TicketCreated(stored.number().toString(), stored.messageRowId());
    }
}
