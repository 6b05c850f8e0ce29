package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.intake.automatic.OwnMailBounce;
import id.go.trenggalekkab.csirt.workflow.CaseIntake;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A follow-up's last stage: the workflow reads it (commands, a handler's report, a
 * stranger's words), and a bounce of the desk's own mail marks its recipient undeliverable.
 */
@Component("followUps")
public class FollowUps {

    private final CaseIntake cases;
    private final InboundMessageRepository messages;

    FollowUps(CaseIntake cases, InboundMessageRepository messages) {
        this.cases = cases;
        this.messages = messages;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public IntakeOutcome read(StoredMail stored) {
        Arrival arrival = stored.arrival();
        cases.readFollowUp(stored.ticketId(), stored.messageRowId(), arrival.mail(), arrival.automatic());
        arrival.bounce().ifPresent(b -> cases.recordBounce(stored.ticketId(), b.failed(), recipientsOf(b), b.status()));
        return new IntakeOutcome.FollowUpAdded(stored.number().toString(), stored.messageRowId(),
                arrival.thread().orElseThrow().matchedBy());
    }

    /** The DSN's recipients, or else the recipients of the desk's mail it returns. */
    private List<String> recipientsOf(OwnMailBounce.Bounce bounce) {
        return bounce.recipients().isEmpty() ? messages.recipientsOf(bounce.deskMessageIds()) : bounce.recipients();
    }
}
