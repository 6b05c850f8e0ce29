package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.intake.mailbox.MailboxUid;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Messages the IMAP server keeps failing to hand over: the connection drops or times out
 * during their FETCH, poll after poll. Each such failure leaves the mail in the inbox
 * (the server may just be restarting), but a message that fails this way again and again
 * would hold the inbox for ever, since it is read first each time. After
 * {@link #GIVE_UP_AFTER} failures in a row it is no longer fetched: it is quarantined as
 * it stands, moved whole to the Quarantine folder by the server, where it loses nothing.
 */
@Component
public class UnservedMessages {

    static final int GIVE_UP_AFTER = 5;

    private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();

    void failedToServe(MailboxUid message) {
        failuresInARow.merge(message.key(), 1, Integer::sum);
    }

    /** Served at last, or gone to quarantine: its count starts again. */
    void forget(MailboxUid message) {
        failuresInARow.remove(message.key());
    }

    boolean givenUp(MailboxUid message) {
        return failures(message) >= GIVE_UP_AFTER;
    }

    int failures(MailboxUid message) {
        return failuresInARow.getOrDefault(message.key(), 0);
    }
}
