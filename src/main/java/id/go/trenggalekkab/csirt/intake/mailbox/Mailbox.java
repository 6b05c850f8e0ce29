package id.go.trenggalekkab.csirt.intake.mailbox;

import id.go.trenggalekkab.csirt.intake.IntakeOutcome;
import id.go.trenggalekkab.csirt.intake.MessageLogContext;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.ImapSessions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The desk's mailbox as the mailbox-intake route uses it: open a poll (the UIDs waiting),
 * mark each message as taken in or quarantined once its transaction has committed, and
 * file them away at the end of the poll. Every command names messages by UID; see
 * {@link MailboxPoll}. The connection stays open between polls and is made again when it
 * breaks.
 */
@Component("mailbox")
public class Mailbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

    static final String POLL_PROPERTY = "csirtMailboxPoll";
    static final String MESSAGE_PROPERTY = "csirtMailboxUid";
    /** Set by the quarantine when the message's bytes were quarantined before: nothing new. */
    public static final String QUARANTINED_BEFORE = "csirtQuarantinedBefore";

    private final CsirtProperties.Imap imap;
    private final ImapSessions sessions;
    private final Set<String> knownFolders = new HashSet<>();
    private IMAPStore store;
    private MailboxPoll.ServerFeatures features;

    private final Counter filedInProcessed;
    private final Counter filedInQuarantine;

    public Mailbox(CsirtProperties properties, ImapSessions sessions, MeterRegistry metrics) {
        this.imap = properties.imap();
        this.sessions = sessions;
        this.filedInProcessed = filed(metrics, "processed");
        this.filedInQuarantine = filed(metrics, "quarantine");
    }

    /** csirt.intake.filed: messages this instance took in, by where their mail went. */
    private static Counter filed(MeterRegistry metrics, String folder) {
        return Counter.builder("csirt.intake.filed").tag("folder", folder)
                .description("Messages this instance took in, by the folder their mail was filed in")
                .register(metrics);
    }

    /**
     * The poll's first stage: the watched folder selected and the UIDs waiting in it, at
     * most a poll's worth, in lanes taken in side by side, each oldest first (related mail in
     * one lane: {@link IntakeLanes}). The route's doFinally calls {@link #fileAway}, whatever
     * happened in between: what committed is filed away and the folder closed.
     */
    public List<List<MailboxUid>> open(Exchange exchange) {
        // Camel's scheduler reads it after the poll: idle (no greedy repeat, the delay is waited) unless
        // fileAway finds something new committed, so a failing or empty poll waits its delay
        exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, false);
        MailboxPoll poll = openPoll();
        exchange.setProperty(POLL_PROPERTY, poll);
        try {
            return poll.lanes(imap.maxMessagesPerPoll(), imap.intakeLanes());
        } catch (MessagingException e) {
            throw unavailable("could not list the messages waiting in " + imap.folder(), e);
        }
    }

    /** The message taken in by this exchange goes to the Processed folder at the end of the poll. */
    public void takenIn(Exchange exchange) {
        MailboxPoll poll = poll(exchange);
        poll.fileIn(message(exchange), imap.processedFolder());
        if (!(exchange.getIn().getBody() instanceof IntakeOutcome.AlreadyReceived)) {
            poll.noteSomethingNew();
        }
        filedInProcessed.increment();
    }

    /** The message quarantined by this exchange goes to the Quarantine folder at the end of the poll. */
    public void quarantined(Exchange exchange) {
        MailboxPoll poll = poll(exchange);
        poll.fileIn(message(exchange), imap.quarantineFolder());
        if (!exchange.getProperty(QUARANTINED_BEFORE, false, Boolean.class)) {
            poll.noteSomethingNew();
        }
        filedInQuarantine.increment();
    }

    /** The poll's last stage, also reached when it broke off: what was committed is moved, the folder closed. */
    public void fileAway(Exchange exchange) {
        MessageLogContext.done();
        MailboxPoll poll = exchange.getProperty(POLL_PROPERTY, MailboxPoll.class);
        if (poll != null) {
            // the scheduler polls again at once (greedy) while polls take mail in
            exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, poll.madeProgress());
            poll.fileAway(this::ensureExists);
        }
    }

    /** The poll this exchange (or the poll it was split from) reads in. */
    public static MailboxPoll poll(Exchange exchange) {
        MailboxPoll poll = exchange.getProperty(POLL_PROPERTY, MailboxPoll.class);
        if (poll == null) {
            throw new IllegalStateException("no mailbox poll on this exchange: it did not come from the mailbox-intake route");
        }
        return poll;
    }

    /** The message this exchange is about: its UID, kept once the message is read. */
    public static MailboxUid message(Exchange exchange) {
        MailboxUid kept = exchange.getProperty(MESSAGE_PROPERTY, MailboxUid.class);
        if (kept != null) {
            return kept;
        }
        MailboxUid body = exchange.getIn().getBody(MailboxUid.class);
        if (body == null) {
            throw new IllegalStateException("no mailbox message on this exchange");
        }
        exchange.setProperty(MESSAGE_PROPERTY, body);
        return body;
    }

    private synchronized MailboxPoll openPoll() {
        try {
            IMAPStore connected = connected();
            Folder folder = connected.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            return new MailboxPoll((IMAPFolder) folder, features);
        } catch (MessagingException | RuntimeException e) {
            disconnect();
            throw unavailable("could not open " + imap.folder() + " at " + location(), e);
        }
    }

    private IMAPStore connected() throws MessagingException {
        if (store != null && store.isConnected()) {
            return store;
        }
        disconnect();
        URI uri = URI.create(imap.url());
        // a server that stops answering fails the poll instead of hanging it for ever
        IMAPStore opened = (IMAPStore) sessions.session(Duration.ofSeconds(30), Duration.ofMinutes(2)).getStore(uri.getScheme());
        opened.connect(uri.getHost(), uri.getPort(), imap.user(), imap.password());
        features = new MailboxPoll.ServerFeatures(opened.hasCapability("MOVE"), opened.hasCapability("UIDPLUS"));
        if (!features.move()) {
            log.info("The IMAP server at {} has no MOVE: taken-in mail is copied by UID, flagged \\Deleted{}",
                    location(), features.uidExpunge() ? " and expunged by UID" : " and left for the server's expunge");
        }
        store = opened;
        return store;
    }

    private synchronized void ensureExists(Store on, String name) throws MessagingException {
        if (knownFolders.contains(name)) {
            return;
        }
        Folder target = on.getFolder(name);
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
            log.info("Created IMAP folder {}", name);
        }
        knownFolders.add(name);
    }

    private String location() {
        return sessions.location();
    }

    private static MailboxUnavailable unavailable(String what, Exception cause) {
        return new MailboxUnavailable("mailbox unavailable: " + what + " (" + cause + ")", cause);
    }

    private synchronized void disconnect() {
        knownFolders.clear();
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("IMAP connection did not close cleanly: {}", e.toString());
            }
            store = null;
        }
    }

    @Override
    public void destroy() {
        disconnect();
    }
}
