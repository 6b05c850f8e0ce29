package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.intake.mailbox.Mailbox;
import id.go.trenggalekkab.csirt.intake.mailbox.MailboxPoll;
import id.go.trenggalekkab.csirt.intake.mailbox.MailboxUid;
import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.mail.RawMessage;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * The intake's "read" stage (SOP step 1): the message's raw bytes exactly as the IMAP
 * server holds them (UID FETCH BODY.PEEK[]), spooled and hashed as they arrive, then read
 * by the {@link MailParser}. A connection lost while reading leaves the mail where it is
 * ({@link IntakeDeferred}); a message the server never manages to hand over is given up
 * after a few polls and quarantined unread ({@link UnservedMessages}); a message another
 * client moved away meanwhile is left to it.
 */
@Component("mailboxReader")
public class MailboxReader {

    static final String RAW_PROPERTY = "csirtRawMessage";

    private final MailParser parser;
    private final UnservedMessages unserved;
    private final Clock clock;

    MailboxReader(MailParser parser, UnservedMessages unserved, Clock clock) {
        this.parser = parser;
        this.unserved = unserved;
        this.clock = clock;
    }

    public InboundMail read(Exchange exchange) {
        RawMessage raw = raw(exchange);
        MessageLogContext.reading(raw.sha256());
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
        MailboxUid message = Mailbox.message(exchange);
        MailboxPoll poll = Mailbox.poll(exchange);
        if (unserved.givenUp(message)) {
            throw new UnreadableMessage("the mailbox server failed " + unserved.failures(message)
                    + " times in a row to hand over this message; it is moved to quarantine unread", null);
        }
        // a connection that broke on an earlier message is not this message's failure
        boolean connectionWasUp = poll.connected();
        try {
            RawMessage raw = poll.fetch(message);
            unserved.forget(message);
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
                    unserved.failedToServe(message);
                }
                throw new IntakeDeferred("mailbox connection lost while reading message " + message, e);
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
