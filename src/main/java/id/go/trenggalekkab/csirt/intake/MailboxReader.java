package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.mail.RawMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConsumer;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * The intake's "read" stage (SOP step 1): the message's raw bytes exactly as the IMAP
 * server holds them (IMAP BODY[]), spooled and hashed as they arrive, then read by the
 * {@link MailParser}. A connection lost while reading leaves the mail where it is
 * ({@link IntakeDeferred}); a message the server never manages to hand over is given up
 * after a few polls and quarantined unread ({@link UnservedMessages}).
 */
@Component("mailboxReader")
public class MailboxReader {

    static final String RAW_PROPERTY = "csirtRawMessage";
    private static final String MESSAGE_PROPERTY = "csirtMailboxMessage";
    private static final String HEADERS_DETACHED_PROPERTY = "csirtHeadersDetached";

    private final MailParser parser;
    private final UnservedMessages unserved;
    private final Clock clock;

    MailboxReader(MailParser parser, UnservedMessages unserved, Clock clock) {
        this.parser = parser;
        this.unserved = unserved;
        this.clock = clock;
    }

    public InboundMail read(Exchange exchange) {
        detachFromMailHeaders(exchange);
        exchange.setProperty(MESSAGE_PROPERTY, exchange.getIn(MailMessage.class).getOriginalMessage());
        RawMessage raw = raw(exchange);
        ParsedMail parsed = parser.parse(raw);
        return new InboundMail(raw, parsed, clock.instant(), parsed.serverReceivedAt());
    }

    /**
     * The message's bytes, read once per exchange and spooled (see {@link RawMessage}); the
     * spool goes when the exchange is done. Later stages (the quarantine) ask again.
     */
    RawMessage raw(Exchange exchange) {
        RawMessage cached = exchange.getProperty(RAW_PROPERTY, RawMessage.class);
        if (cached != null) {
            return cached;
        }
        Message message = mailboxMessage(exchange);
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

    /**
     * The message in the mailbox this exchange took in: later stages see the body each
     * stage made of it, not camel-mail's message.
     */
    static Message mailboxMessage(Exchange exchange) {
        Message kept = exchange.getProperty(MESSAGE_PROPERTY, Message.class);
        return kept != null ? kept : exchange.getIn(MailMessage.class).getOriginalMessage();
    }

    /**
     * camel-mail fills the Camel message's headers from the IMAP envelope the first time
     * anything (its own commit hook, the error handler) asks for one, and an envelope the
     * server cannot build (broken headers) then fails every such access, leaving the mail
     * in the inbox for ever. The desk reads the raw bytes itself and needs none of them.
     */
    static void detachFromMailHeaders(Exchange exchange) {
        // once per exchange: Camel keeps its redelivery counter in a header added after this
        if (exchange.getProperty(HEADERS_DETACHED_PROPERTY) == null) {
            // setHeaders() replaces the map without populating it; every getter would populate
            exchange.getIn().setHeaders(new HashMap<>());
            exchange.setProperty(HEADERS_DETACHED_PROPERTY, Boolean.TRUE);
        }
    }

    /** The server holds the message but cannot hand over its bytes: a permanent failure of this message. */
    static final class UnreadableMessage extends RuntimeException {
        UnreadableMessage(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
