package id.go.trenggalekkab.csirt.intake.mailbox;

/**
 * The message was in the folder when the poll began and is not any more: another client
 * (a second desk, a person in a mail client) moved or deleted it. That is not the
 * message's fault and not the desk's to undo: it is neither quarantined nor retried here;
 * whoever moved it has it, and if it comes back it is read then.
 */
public class MailLeftTheMailbox extends RuntimeException {

    public MailLeftTheMailbox(MailboxUid message, long bytesRead) {
        super("message " + message + " left the folder before it was read"
                + (bytesRead > 0 ? " (after " + bytesRead + " bytes)" : "")
                + ": another client moved or deleted it; not taken in here");
    }
}
