package id.go.trenggalekkab.csirt.intake.mailbox;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the mailbox-intake poll does with a failure that ended it: the mailbox or the
 * database went away (each message's own failures never get here). One line at WARN, the
 * cause that matters; Camel's default would log the whole exchange at ERROR on every poll
 * of an outage.
 */
@Component("pollBrokeOff")
public class PollBrokeOff implements ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PollBrokeOff.class);

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        log.warn("Mailbox poll broke off; the mail not yet taken in waits for the next poll: {}", rootCause(exception));
        log.debug("Mailbox poll failure", exception);
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
