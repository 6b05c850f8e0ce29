package id.go.trenggalekkab.csirt.intake.thread;

import id.go.trenggalekkab.csirt.intake.Arrival;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The intake's "match thread" stage: runs the {@link ThreadCheck}s in order; the first match places the message. */
@Component("threadMatcher")
public class ThreadMatcher {

    private final List<ThreadCheck> checks;

    public ThreadMatcher(List<ThreadCheck> checks) {
        this.checks = checks;
    }

    public Arrival place(Arrival arrival) {
        return arrival.following(match(arrival));
    }

    Optional<ThreadMatch> match(Arrival arrival) {
        for (ThreadCheck check : checks) {
            Optional<ThreadMatch> match = check.match(arrival);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
