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
        cases.readFollowUp(stored.ticketId(), stored.messageRowId(), arrival.mail(), arrival.automatic(),
                stored.sender().orElseThrow());
        arrival.bounce().ifPresent(b -> {
            List<String> returned = recipientsOf(b);
            if (!returned.isEmpty()) {
                cases.recordBounce(stored.ticketId(), b.failed(), returned, b.status());
            }
        });
        return new IntakeOutcome.FollowUpAdded(stored.number().toString(), stored.messageRowId(),
                arrival.thread().orElseThrow().matchedBy());
    }

    /**
     * Whom the bounce reports as not reached: of the recipients the desk really sent the
     * returned mail to, those the report names (all of them where it names none). A bounce
     * can name anyone; only the desk's own record says whom it wrote to.
     */
    private List<String> recipientsOf(OwnMailBounce.Bounce bounce) {
        List<String> sentTo = messages.recipientsOf(bounce.deskMessageIds());
        return bounce.recipients().isEmpty() ? sentTo
                : sentTo.stream().filter(to -> bounce.recipients().contains(to.toLowerCase(java.util.Locale.ROOT))).toList();
    }
}
