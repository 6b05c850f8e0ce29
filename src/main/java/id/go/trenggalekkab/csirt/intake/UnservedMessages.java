package id.go.trenggalekkab.csirt.intake;

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

    void failedToServe(String uid) {
        if (uid != null) {
            failuresInARow.merge(uid, 1, Integer::sum);
        }
    }

    /** Served at last, or gone to quarantine: its count starts again. */
    void forget(String uid) {
        if (uid != null) {
            failuresInARow.remove(uid);
        }
    }

    boolean givenUp(String uid) {
        return uid != null && failuresInARow.getOrDefault(uid, 0) >= GIVE_UP_AFTER;
    }

    int failures(String uid) {
        return uid == null ? 0 : failuresInARow.getOrDefault(uid, 0);
    }
}
