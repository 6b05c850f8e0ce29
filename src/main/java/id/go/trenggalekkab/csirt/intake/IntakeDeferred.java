package id.go.trenggalekkab.csirt.intake;

/**
 * The desk could not take a message in for a reason that is not the message's fault
 * (database or mailbox unreachable). The mail stays where it is and is read again on a
 * later poll; it is never quarantined for this.
 */
public class IntakeDeferred extends RuntimeException {

    public IntakeDeferred(String message, Throwable cause) {
        super(message, cause);
    }
}
