package id.go.trenggalekkab.csirt.intake.mailbox;

/**
 * The mailbox could not be reached, selected or listed: nothing is read this poll and the
 * mail waits where it is. Never a reason to quarantine anything.
 */
public class MailboxUnavailable extends RuntimeException {

    public MailboxUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
