package id.go.trenggalekkab.csirt.intake.mailbox;

import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.ImapSessions;
import id.go.trenggalekkab.csirt.system.PollNowOrAfterDelay;
import org.springframework.stereotype.Component;

/**
 * When the mailbox-intake route polls: at once when new mail arrives (the server says so
 * over IMAP IDLE, {@link InboxWatcher}), otherwise after the route's poll delay. A flood
 * is then taken in from its first message instead of after up to a poll delay (5 s as
 * shipped: measured, half a 500-report flood's time was spent waiting for the first poll),
 * while a quiet mailbox is still asked only once per delay. Camel's greedy polling is
 * untouched: the consumer's poll repeats at once while polls take mail in.
 *
 * <p>The IDLE connection is kept only while the route runs, so a standby desk (the
 * intake lease elsewhere) keeps none.
 */
@Component("pollOnArrival")
public class PollOnArrival extends PollNowOrAfterDelay {

    private final CsirtProperties.Imap imap;
    private final ImapSessions sessions;
    private InboxWatcher watcher;

    public PollOnArrival(CsirtProperties properties, ImapSessions sessions) {
        super("mailbox-intake-poll", 0);
        this.imap = properties.imap();
        this.sessions = sessions;
    }

    @Override
    protected void routeStarted() {
        watcher = InboxWatcher.start(sessions, imap, this::wake, delay());
    }

    @Override
    protected void routeStopped() {
        if (watcher != null) {
            watcher.stop();
            watcher = null;
        }
    }
}
