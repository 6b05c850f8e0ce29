package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.intake.automatic.AutomaticMailDetector;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.mail.RawMessage;
import id.go.trenggalekkab.csirt.system.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Quarantined mail taken in again once the cause is fixed (a bug, a database that was full):
 * the stored bytes go through the same stages as mail from the mailbox (automatic mail
 * recognised, then route take-in in one transaction), so a replay can open a ticket, join a
 * thread, or find the same bytes already taken in. The quarantine row stays as it was; each
 * replay and its outcome are recorded beside it and in the logbook.
 */
@Component
public class QuarantineReplay {

    private static final Logger log = LoggerFactory.getLogger(QuarantineReplay.class);

    /** The most quarantined messages one listing shows, newest first. */
    static final int MAX_LISTED = 500;

    private final QuarantineRepository repository;
    private final MailParser parser;
    private final AutomaticMailDetector automaticMail;
    private final ProducerTemplate camel;
    private final Logbook logbook;
    private final Clock clock;

    QuarantineReplay(QuarantineRepository repository, MailParser parser, AutomaticMailDetector automaticMail,
                     ProducerTemplate camel, Logbook logbook, Clock clock) {
        this.repository = repository;
        this.parser = parser;
        this.automaticMail = automaticMail;
        this.camel = camel;
        this.logbook = logbook;
        this.clock = clock;
    }

    /** One quarantined message, with why, and every replay of it so far. */
    public record Quarantined(long id, Instant quarantinedAt, String sha256, long size, String reason,
                              List<Replay> replays) {}

    /** @param ticket the ticket the replay reached, or null where it failed again */
    public record Replay(Instant at, String actor, String outcome, String ticket) {

        public boolean succeeded() {
            return ticket != null;
        }
    }

    public List<Quarantined> list() {
        return repository.list(MAX_LISTED);
    }

    /** The start of a quarantined message as text, and whether there is more of it. */
    public record Shown(String text, boolean cut) {}

    /**
     * A quarantined message as text to read, at most {@code maxBytes} of it: UTF-8 where it
     * is, a replacement character where it is not. Reading it changes nothing.
     */
    public Optional<Shown> rawText(long id, int maxBytes) {
        return repository.rawHead(id, maxBytes + 1).map(bytes -> new Shown(
                new String(bytes, 0, Math.min(bytes.length, maxBytes), StandardCharsets.UTF_8), bytes.length > maxBytes));
    }

    /** @throws NoSuchElementException where no quarantined message has this number */
    public Replay replay(long id, String actor) {
        byte[] raw = repository.raw(id).orElseThrow(() -> new NoSuchElementException("no quarantined message #" + id));
        if (raw.length == 0) {
            return record(id, actor, "nothing to replay: the mail server never handed this message over;"
                    + " it is whole in the IMAP quarantine folder", null);
        }
        try {
            MessageLogContext.reading(Sha256.hex(raw));
            ParsedMail parsed = parser.parse(raw);
            InboundMail mail = new InboundMail(RawMessage.of(raw), parsed, clock.instant(), parsed.serverReceivedAt());
            IntakeOutcome outcome = camel.requestBody("direct:take-in", automaticMail.recognise(mail), IntakeOutcome.class);
            return record(id, actor, describe(outcome), outcome.ticketNumber());
        } catch (RuntimeException failedAgain) {
            log.warn("Replay of quarantined message #{} failed again", id, failedAgain);
            Throwable cause = failedAgain.getCause() == null ? failedAgain : failedAgain.getCause();
            return record(id, actor, "failed again: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), null);
        } finally {
            // replays run on a web or mailbox thread that goes on to other work
            MessageLogContext.done();
        }
    }

    private Replay record(long id, String actor, String outcome, String ticket) {
        Replay replay = repository.recordReplay(id, clock.instant(), actor, outcome, ticket);
        logbook.record(null, actor, LogbookEvent.QUARANTINE_REPLAYED, "quarantined message #" + id + ": " + outcome);
        return replay;
    }

    private static String describe(IntakeOutcome outcome) {
        if (outcome instanceof IntakeOutcome.TicketCreated) {
            return "taken in: new ticket " + outcome.ticketNumber();
        }
        if (outcome instanceof IntakeOutcome.FollowUpAdded) {
            return "taken in: follow-up on " + outcome.ticketNumber();
        }
        return "already taken in before, on " + outcome.ticketNumber();
    }
}
