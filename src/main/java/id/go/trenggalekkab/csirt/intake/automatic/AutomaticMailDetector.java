package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.intake.InboundMail;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Runs the {@link AutomaticMailCheck}s in order and reports the first reason found. */
@Component
public class AutomaticMailDetector {

    private final List<AutomaticMailCheck> checks;

    public AutomaticMailDetector(List<AutomaticMailCheck> checks) {
        this.checks = checks;
    }

    public Optional<String> reason(InboundMail mail) {
        for (AutomaticMailCheck check : checks) {
            Optional<String> reason = check.reason(mail);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }
}
