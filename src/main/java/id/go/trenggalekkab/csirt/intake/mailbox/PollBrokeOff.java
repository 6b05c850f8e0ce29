package id.go.trenggalekkab.csirt.intake.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the mailbox-intake poll does with a failure that ended it: the mailbox or the
 * database went away (each message's own failures never get here). One line at WARN, the
 * cause that matters, and the same cause again only once per {@link #REPEAT_EVERY} with how
 * often it came meanwhile: polls run every few seconds, and an outage (or a certificate the
 * desk does not trust) would otherwise write thousands of lines in minutes. Camel's
 * default would log the whole exchange at ERROR on every poll.
 */
@Component("pollBrokeOff")
public class PollBrokeOff implements ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PollBrokeOff.class);

    /** The same failure is logged again at most this often. */
    static final Duration REPEAT_EVERY = Duration.ofMinutes(5);

    private final Clock clock;
    private String lastCause;
    private Instant lastLogged = Instant.MIN;
    private int since;

    PollBrokeOff(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public synchronized void handleException(String message, Exchange exchange, Throwable exception) {
        String cause = rootCause(exception);
        Instant now = clock.instant();
        log.debug("Mailbox poll failure", exception);
        if (cause.equals(lastCause) && now.isBefore(lastLogged.plus(REPEAT_EVERY))) {
            since++;
            return;
        }
        String repeated = cause.equals(lastCause) && since > 0
                ? " (again; " + since + " more time(s) since " + lastLogged + ")" : "";
        log.warn("Mailbox poll broke off; the mail not yet taken in waits for the next poll: {}{}", cause, repeated);
        lastCause = cause;
        lastLogged = now;
        since = 0;
    }

    private static String rootCause(Throwable exception) {
        Throwable cause = exception;
        StringBuilder chain = new StringBuilder();
        while (cause != null) {
            if (cause.getMessage() != null && !(cause instanceof org.apache.camel.CamelExchangeException)) {
                if (chain.length() > 0) {
                    chain.append(" <- ");
                }
                chain.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
            if (chain.length() > 400) {
                break;
            }
        }
        return chain.toString();
    }
}
