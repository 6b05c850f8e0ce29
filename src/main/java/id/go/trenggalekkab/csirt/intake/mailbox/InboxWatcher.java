package id.go.trenggalekkab.csirt.intake.mailbox;

import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.ImapSessions;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.net.URI;
import java.time.Duration;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits on the watched folder with IMAP IDLE (RFC 2177) over a connection of its own,
 * opened read-only (EXAMINE: it changes nothing), and says when new mail arrived. Only
 * new messages wake the intake: flag changes and the desk's own moves do not, so mail the
 * server will not move cannot make the intake spin.
 *
 * <p>The server may drop an idle connection after 30 minutes; the read time-out ends the
 * IDLE first and the watcher connects again (and says "arrived" once, for what came while
 * it was away). A server without IDLE, or one that keeps failing, leaves the intake on its
 * poll delay: nothing is read here, so nothing is lost.
 */
final class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    /** Under RFC 2177's 29 minutes: the read time-out that ends an IDLE nothing interrupted. */
    private static final Duration IDLE_REFRESH = Duration.ofMinutes(10);

    private final ImapSessions sessions;
    private final CsirtProperties.Imap imap;
    private final Runnable arrived;
    private final long retryDelayMs;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile IMAPStore store;

    private InboxWatcher(ImapSessions sessions, CsirtProperties.Imap imap, Runnable arrived, long retryDelayMs) {
        this.sessions = sessions;
        this.imap = imap;
        this.arrived = arrived;
        this.retryDelayMs = Math.max(1000, retryDelayMs);
        this.thread = new Thread(this::watch, "mailbox-idle");
        this.thread.setDaemon(true);
    }

    static InboxWatcher start(ImapSessions sessions, CsirtProperties.Imap imap, Runnable arrived, long retryDelayMs) {
        InboxWatcher watcher = new InboxWatcher(sessions, imap, arrived, retryDelayMs);
        watcher.thread.start();
        return watcher;
    }

    void stop() {
        running = false;
        thread.interrupt();
        closeQuietly();
    }

    private void watch() {
        int failures = 0;
        while (running) {
            try {
                IMAPFolder folder = open();
                if (folder == null) {
                    return;
                }
                failures = 0;
                // what came while no IDLE was running is taken in by the poll this starts
                arrived.run();
                // stays in IDLE, new mail told to the listener as it comes; returns only when the
                // connection is used otherwise or ends (GreenMail's IDLE has a race at its end: rarely ended is better)
                while (running && folder.isOpen()) {
                    folder.idle(false);
                }
                // the folder closed under the IDLE without an error: counted, so it cannot loop busily
                failures++;
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    return;
                }
                failures++;
                if (failures == 3) {
                    log.warn("IMAP IDLE on {} keeps failing ({}); new mail is found by the poll every {} ms meanwhile",
                            imap.folder(), e.toString(), retryDelayMs);
                } else {
                    log.debug("IMAP IDLE on {} ended: {}", imap.folder(), e.toString());
                }
            } finally {
                closeQuietly();
            }
            try {
                Thread.sleep(Math.min(retryDelayMs * failures, Duration.ofMinutes(5).toMillis()));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The folder open read-only with a listener for new mail; null when the server has no IDLE. */
    private IMAPFolder open() throws MessagingException {
        URI uri = URI.create(imap.url());
        IMAPStore connected = (IMAPStore) sessions.session(Duration.ofSeconds(30), IDLE_REFRESH).getStore(uri.getScheme());
        store = connected;
        connected.connect(uri.getHost(), uri.getPort(), imap.user(), imap.password());
        if (!connected.hasCapability("IDLE")) {
            log.info("The IMAP server at {} has no IDLE: new mail is found by the poll every {} ms", sessions.location(),
                    retryDelayMs);
            return null;
        }
        IMAPFolder folder = (IMAPFolder) connected.getFolder(imap.folder());
        folder.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent event) {
                arrived.run();
            }
        });
        folder.open(Folder.READ_ONLY);
        return folder;
    }

    private void closeQuietly() {
        IMAPStore open = store;
        store = null;
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("IMAP IDLE connection did not close cleanly: {}", e.toString());
            }
        }
    }
}
