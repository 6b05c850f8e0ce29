package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.acknowledgement.Acknowledgements;
import id.go.trenggalekkab.csirt.workflow.CaseIntake;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A new report's last stages: its case opens in step 4, and its reporter's acknowledgement is queued. */
@Component("newCases")
public class NewCases {

    private final CaseIntake cases;
    private final Acknowledgements acknowledgements;

    NewCases(CaseIntake cases, Acknowledgements acknowledgements) {
        this.cases = cases;
        this.acknowledgements = acknowledgements;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StoredMail open(StoredMail stored) {
        cases.openCase(stored.ticketId(), stored.arrival().mail(), stored.arrival().automatic());
        return stored;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public IntakeOutcome acknowledge(StoredMail stored) {
        acknowledgements.acknowledge(stored.ticketId(), stored.number(), stored.arrival().mail(),
                stored.arrival().automaticReason());
        return new IntakeOutcome.TicketCreated(stored.number().toString(), stored.messageRowId());
    }
}
