package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailConsumer;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the mailbox-intake route calls. It reads the message's raw bytes exactly as the
 * IMAP server holds them, hands them to the {@link IntakeService}, and sorts failures:
 * infrastructure failures become {@link IntakeDeferred} (the mail stays in the inbox);
 * anything else, once the route's retries are spent, ends in {@link #quarantine}.
 */
@Component("mailboxIntake")
public class MailboxIntake {

    private static final Logger log = LoggerFactory.getLogger(MailboxIntake.class);
    static final String RAW_PROPERTY = "csirtRawMessage";
    private static final String HEADERS_DETACHED_PROPERTY = "csirtHeadersDetached";

    private final MailParser parser;
    private final ProcessedMailMover mover;
    private final UnservedMessages unserved;
    private final IntakeService intake;
    private final QuarantineRepository quarantine;
    private final Logbook logbook;
    private final Clock clock;
    private final String quarantineFolder;

    public MailboxIntake(MailParser parser, IntakeService intake, QuarantineRepository quarantine,
                         Logbook logbook, Clock clock, CsirtProperties properties, ProcessedMailMover mover,
                         UnservedMessages unserved) {
        this.parser = parser;
        this.mover = mover;
        this.unserved = unserved;
        this.intake = intake;
        this.quarantine = quarantine;
        this.logbook = logbook;
        this.clock = clock;
        this.quarantineFolder = properties.imap().quarantineFolder();
    }

    public IntakeOutcome ingest(Exchange exchange) {
        detachFromMailHeaders(exchange);
        Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
        RawMessage raw = rawMessage(exchange, message);
        ParsedMail parsed = parser.parse(raw);
        InboundMail mail = new InboundMail(raw, parsed, clock.instant(), parsed.serverReceivedAt());
        try {
            IntakeOutcome outcome = intake.ingest(mail);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                    mover.committed(message);
                }
            });
            log.info("{} <- {} ({} bytes, SHA-256 {})", outcome, mail.parsed().fromAddress(), raw.size(), raw.sha256());
            return outcome;
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                log.warn("Database unavailable; message {} left in the mailbox for the next poll: {}", raw.sha256(), e.getMessage());
                throw new IntakeDeferred("database unavailable", e);
            }
            throw e;
        }
    }

    /**
     * The last step for a message that failed every retry: its bytes go to the quarantine
     * table, the logbook says why, and the consumer moves it to the Quarantine folder.
     */
    @Transactional
    public void quarantine(Exchange exchange) {
        detachFromMailHeaders(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
        RawMessage raw;
        try {
            raw = rawMessage(exchange, message);
        } catch (UnreadableMessage unreadable) {
            // the server cannot hand the message over: the folder move still keeps it whole
            raw = RawMessage.of(new byte[0]);
        }
        String sha256 = raw.size() == 0 ? "unreadable-" + java.util.UUID.randomUUID() : raw.sha256();
        String reason = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (reason.length() > 2000) {
            reason = reason.substring(0, 2000);
        }
        quarantine.insert(raw, sha256, reason, clock.instant());
        logbook.record(null, Logbook.SYSTEM, "MESSAGE_QUARANTINED",
                "SHA-256 " + sha256 + ", " + raw.size() + " bytes, moved to IMAP folder " + quarantineFolder
                        + ": " + reason);
        exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, quarantineFolder);
        unserved.forget(exchange.getProperty(MailConsumer.MAIL_MESSAGE_UID, String.class));
        log.error("Message {} quarantined: {}", sha256, reason, cause);
    }

    /**
     * camel-mail fills the Camel message's headers from the IMAP envelope the first time
     * anything (its own commit hook, the error handler) asks for one, and an envelope the
     * server cannot build (broken headers) then fails every such access, leaving the mail
     * in the inbox for ever. The desk reads the raw bytes itself and needs none of them.
     */
    private static void detachFromMailHeaders(Exchange exchange) {
        // once per exchange: Camel keeps its redelivery counter in a header added after this
        if (exchange.getProperty(HEADERS_DETACHED_PROPERTY) == null) {
            // setHeaders() replaces the map without populating it; every getter would populate
            exchange.getIn().setHeaders(new java.util.HashMap<>());
            exchange.setProperty(HEADERS_DETACHED_PROPERTY, Boolean.TRUE);
        }
    }

    /**
     * The message exactly as the server holds it (IMAP BODY[]), read once per exchange and
     * spooled (see {@link RawMessage}); the spool goes when the exchange is done.
     */
    private RawMessage rawMessage(Exchange exchange, Message message) {
        RawMessage cached = exchange.getProperty(RAW_PROPERTY, RawMessage.class);
        if (cached != null) {
            return cached;
        }
        String uid = exchange.getProperty(MailConsumer.MAIL_MESSAGE_UID, String.class);
        if (unserved.givenUp(uid)) {
            throw new UnreadableMessage("the mailbox server failed " + unserved.failures(uid)
                    + " times in a row to hand over this message; it is moved to quarantine unread", null);
        }
        // a connection that broke on an earlier message is not this message's failure
        boolean connectionWasUp = message.getFolder() != null && message.getFolder().isOpen();
        try {
            RawMessage raw = RawMessage.spool(message::writeTo);
            unserved.forget(uid);
            exchange.setProperty(RAW_PROPERTY, raw);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    raw.close();
                }
            });
            return raw;
        } catch (MessagingException | IOException e) {
            if (TransientFailures.isTransient(e)) {
                if (connectionWasUp) {
                    unserved.failedToServe(uid);
                }
                throw new IntakeDeferred("mailbox connection lost while reading a message", e);
            }
            throw new UnreadableMessage("the mailbox server cannot deliver this message's content: " + e, e);
        }
    }

    /** The server holds the message but cannot hand over its bytes: a permanent failure of this message. */
    static final class UnreadableMessage extends RuntimeException {
        UnreadableMessage(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
