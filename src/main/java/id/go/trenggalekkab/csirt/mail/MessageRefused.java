package id.go.trenggalekkab.csirt.mail;

/**
 * A message the desk will not take in whole, for a reason of its own shape (more MIME parts
 * than {@link MailParser#MAX_PARTS}): retrying cannot help, so it is quarantined at once,
 * with this reason, and the mail behind it carries on.
 */
public class MessageRefused extends RuntimeException {

    public MessageRefused(String reason) {
        super(reason);
    }
}
