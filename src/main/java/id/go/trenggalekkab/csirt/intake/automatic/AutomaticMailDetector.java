package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.intake.Arrival;
import id.go.trenggalekkab.csirt.mail.InboundMail;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The intake's "recognise automatic mail" stage: runs the {@link AutomaticMailCheck}s in
 * order and records the first reason found; automatic mail is also read for what it says
 * about the desk's own mail ({@link OwnMailBounce}).
 */
@Component("automaticMail")
public class AutomaticMailDetector {

    private final List<AutomaticMailCheck> checks;
    private final OwnMailBounce ownMailBounce;

    public AutomaticMailDetector(List<AutomaticMailCheck> checks, OwnMailBounce ownMailBounce) {
        this.checks = checks;
        this.ownMailBounce = ownMailBounce;
    }

    public Arrival recognise(InboundMail mail) {
        Optional<String> reason = reason(mail);
        return Arrival.of(mail, reason, reason.isPresent() ? ownMailBounce.read(mail) : Optional.empty());
    }

    Optional<String> reason(InboundMail mail) {
        for (AutomaticMailCheck check : checks) {
            Optional<String> reason = check.reason(mail);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }
}
