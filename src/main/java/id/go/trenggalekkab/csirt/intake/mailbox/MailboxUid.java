package id.go.trenggalekkab.csirt.intake.mailbox;

/**
 * A message in the watched folder, named as IMAP names it for good: the folder, its
 * UIDVALIDITY and the message's UID. A message sequence number names a position, which
 * shifts whenever anyone (another desk, a person in a mail client) removes a message; a
 * UID under one UIDVALIDITY names one message and is never reused for another.
 */
public record MailboxUid(String folder, long uidValidity, long uid) {

    /** The stable text form, for logs and as a key. */
    public String key() {
        return folder + ":" + uidValidity + ":" + uid;
    }

    @Override
    public String toString() {
        return key();
    }
}
