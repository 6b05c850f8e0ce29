package id.go.trenggalekkab.csirt.outbound;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, oldest first, one transaction per mail: the row stays
 * locked while the SMTP server takes it, so two instances never send the same mail.
 *
 * <p>Two kinds of failure: the server is unavailable (connection refused, 4xx), and the
 * whole outbox pauses with growing backoff, so that when it returns the mail drains in
 * its original order; or the server rejects one mail (5xx), and only that mail backs
 * off, until it is given up as FAILED after a bounded number of attempts.
 */
@Component("outboxDispatcher")
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private enum Result { NOTHING_DUE, SENT, REJECTED, SERVER_UNAVAILABLE }

    private final OutboxRepository repository;
    private final JavaMailSender mailSender;
    private final Logbook logbook;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CsirtProperties.Outbox settings;
    private final Session session = Session.getInstance(new Properties());

    private volatile Instant pausedUntil = Instant.MIN;
    private int consecutiveUnavailable;

    public OutboxDispatcher(OutboxRepository repository, JavaMailSender mailSender, Logbook logbook,
                            TransactionTemplate transaction, Clock clock, CsirtProperties properties) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.logbook = logbook;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = properties.outbox();
    }

    /** One tick of the outbox-dispatch route: sends up to a batch of due mail; returns how many went out. */
    public synchronized int dispatchDue() {
        if (clock.instant().isBefore(pausedUntil)) {
            return 0;
        }
        int sent = 0;
        for (int i = 0; i < settings.batchSize(); i++) {
            Result result = transaction.execute(status -> sendNext());
            if (result == Result.SENT) {
                sent++;
            } else if (result != Result.REJECTED) {
                break;
            }
        }
        return sent;
    }

    private Result sendNext() {
        Optional<OutboxRepository.Pending> next = repository.lockNextDue();
        if (next.isEmpty()) {
            return Result.NOTHING_DUE;
        }
        OutboxRepository.Pending mail = next.get();
        try {
            mailSender.send(new StoredMimeMessage(session, mail.raw()));
        } catch (MailException | MessagingException e) {
            return failed(mail, e);
        }
        repository.markSent(mail.id());
        consecutiveUnavailable = 0;
        logbook.record(mail.ticketId(), Logbook.SYSTEM, mail.kind() + "_SENT",
                "to " + mail.toAddress() + ", Message-ID " + mail.messageId()
                        + (mail.attempts() > 0 ? ", after " + (mail.attempts() + 1) + " attempts" : ""));
        return Result.SENT;
    }

    private Result failed(OutboxRepository.Pending mail, Exception e) {
        Instant now = clock.instant();
        String error = describe(e);
        if (isRejection(e)) {
            int attempts = mail.attempts() + 1;
            boolean giveUp = attempts >= settings.maxAttemptsForRejected();
            repository.markAttemptFailed(mail.id(), error, now.plus(backoff(attempts)), giveUp);
            logbook.record(mail.ticketId(), Logbook.SYSTEM, mail.kind() + (giveUp ? "_FAILED" : "_REJECTED"),
                    "to " + mail.toAddress() + ": " + error + (giveUp ? "; given up after " + attempts + " attempts" : ""));
            log.warn("SMTP rejected {} to {} (attempt {}): {}", mail.kind(), mail.toAddress(), attempts, error);
            return Result.REJECTED;
        }
        consecutiveUnavailable++;
        Duration pause = backoff(consecutiveUnavailable);
        pausedUntil = now.plus(pause);
        repository.markAttemptFailed(mail.id(), error, now, false);
        if (mail.attempts() == 0) {
            logbook.record(mail.ticketId(), Logbook.SYSTEM, mail.kind() + "_DELAYED",
                    "SMTP server unavailable (" + error + "); kept in the outbox and retried");
        }
        log.warn("SMTP server unavailable, outbox paused for {}: {}", pause, error);
        return Result.SERVER_UNAVAILABLE;
    }

    private Duration backoff(int failures) {
        long factor = 1L << Math.min(failures - 1, 20);
        Duration delay = settings.initialBackoff().multipliedBy(factor);
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    /** A 5xx answer about this very mail or its recipient, as opposed to a server that cannot be reached. */
    static boolean isRejection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException failed && failed.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof MailSendException send) {
                for (Exception inner : send.getMessageExceptions()) {
                    if (inner != t && isRejection(inner)) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " / " + root;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
