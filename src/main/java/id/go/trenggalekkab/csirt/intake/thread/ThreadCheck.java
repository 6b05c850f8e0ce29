package id.go.trenggalekkab.csirt.intake.thread;

import id.go.trenggalekkab.csirt.intake.Arrival;
import java.util.Optional;

/**
 * One question asked of every message that is not a known copy: does it follow up a case
 * the desk already has? The checks run in {@link org.springframework.core.annotation.Order}
 * order, most certain first; the first match places the message on that case's thread, and
 * a message no check places opens a new ticket.
 */
public interface ThreadCheck {

    Optional<ThreadMatch> match(Arrival arrival);
}
