package id.go.trenggalekkab.csirt.outbound;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.MailStage;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, oldest first, a batch per transaction over one SMTP
 * connection: the rows stay locked while the server takes them, so two instances never
 * send the same mail, and each mail the server accepts gets a delivery receipt committed
 * at once, so a desk killed mid-batch re-sends at most the one mail in flight. The batch
 * marks its accepted mail SENT, with the logbook's entries, as it ends; receipts a desk
 * left unsettled when it died are settled the same way when the outbox is next idle.
 *
 * <p>Three kinds of failure: the server is unavailable (connection refused, a 4xx not
 * about one recipient), and the whole outbox pauses with growing backoff, so that when it
 * returns the mail drains in its original order; the server rejects one mail (5xx), and
 * only that mail backs off, until it is given up as FAILED after a bounded number of
 * attempts; or the server defers one recipient (4xx to {@code RCPT TO}: greylisting, a
 * full mailbox), and only that mail backs off, retried for days as mail servers do. A
 * recipient's server, which a stranger may run, must not hold every other mail behind it.
 */
@Component("outboxDispatcher")
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration STRANDED_SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final OutboxRepository repository;
    private final JavaMailSenderImpl mailSender;
    private final Logbook logbook;
    private final TransactionTemplate transaction;
    private final TransactionTemplate receipt;
    private final Clock clock;
    private final CsirtProperties.Outbox settings;
    private final Session session = Session.getInstance(new Properties());

    private volatile Instant pausedUntil = Instant.MIN;
    private Instant strandedSweptAt = Instant.MIN;
    private int consecutiveUnavailable;
    private String lastServerError;

    public OutboxDispatcher(OutboxRepository repository, JavaMailSenderImpl mailSender, Logbook logbook,
                            TransactionTemplate transaction, Clock clock, CsirtProperties properties) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.logbook = logbook;
        this.transaction = transaction;
        this.receipt = new TransactionTemplate(transaction.getTransactionManager());
        // the receipt alone, outside the batch's transaction: one statement, committed as it runs
        this.receipt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.clock = clock;
        this.settings = properties.outbox();
    }

    /**
     * The outbox-dispatch route's stage, repeated while it sends something: locks up to a
     * batch of due mail, oldest first, sends it over one SMTP connection, and records each
     * mail's outcome. Returns how many went out: 0 when nothing was due, the server was
     * unavailable, or the outbox is pausing after an outage.
     */
    public synchronized int sendNextBatch() {
        if (clock.instant().isBefore(pausedUntil)) {
            return 0;
        }
        Integer sent = transaction.execute(status -> sendBatch());
        return sent == null ? 0 : sent;
    }

    /** Sent count of one batch; 0 when nothing was due or the server was unavailable. */
    private int sendBatch() {
        List<OutboxRepository.Pending> due = repository.lockDue(settings.batchSize());
        if (due.isEmpty()) {
            settleStranded();
            return 0;
        }
        Transport transport;
        try {
            transport = connect();
        } catch (MessagingException e) {
            return serverUnavailable(due, e);
        }
        List<Long> accepted = new ArrayList<>();
        try {
            for (int i = 0; i < due.size(); i++) {
                OutboxRepository.Pending mail = due.get(i);
                try {
                    MimeMessage message = new StoredMimeMessage(session, repository.rawOf(mail));
                    Address[] recipients = message.getAllRecipients();
                    transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
                } catch (MessagingException | RuntimeException e) {
                    if (isRejection(e)) {
                        rejected(mail, e);
                        continue;
                    }
                    if (isRecipientDeferral(e)) {
                        deferred(mail, e);
                        continue;
                    }
                    // the rest stays due, in order; a partly sent batch is retried at once
                    if (accepted.isEmpty()) {
                        return serverUnavailable(due.subList(i, due.size()), e);
                    }
                    break;
                }
                receipt.executeWithoutResult(status -> repository.recordDelivery(mail.id()));
                accepted.add(mail.id());
            }
        } finally {
            closeQuietly(transport);
        }
        logSent(repository.settle(accepted));
        consecutiveUnavailable = 0;
        return accepted.size();
    }

    /**
     * Mail accepted by the server whose batch never settled it (a desk that died mid-batch):
     * looked for when the outbox is idle, once a minute at most, since the look reads every
     * receipt, and such mail is never due again in the meantime.
     */
    private void settleStranded() {
        Instant now = clock.instant();
        if (now.isBefore(strandedSweptAt.plus(STRANDED_SWEEP_INTERVAL))) {
            return;
        }
        strandedSweptAt = now;
        logSent(repository.settleStranded());
    }

    /** The logbook's SENT entries, written with the status they record, at the time of each receipt. */
    private void logSent(List<OutboxRepository.Settled> settled) {
        logbook.recordMails(settled.stream().map(mail -> new Logbook.MailEvent(mail.deliveredAt(), mail.ticketId(),
                mail.kind(), MailStage.SENT, "to " + mail.toAddress() + ", Message-ID " + mail.messageId()
                        + (mail.attempts() > 1 ? ", after " + mail.attempts() + " attempts" : ""))).toList());
    }

    private Transport connect() throws MessagingException {
        Transport transport = mailSender.getSession().getTransport(
                mailSender.getProtocol() == null ? "smtp" : mailSender.getProtocol());
        // as JavaMailSenderImpl does: an empty username means no authentication
        boolean anonymous = mailSender.getUsername() == null || mailSender.getUsername().isEmpty();
        transport.connect(mailSender.getHost(), mailSender.getPort(),
                anonymous ? null : mailSender.getUsername(), anonymous ? null : mailSender.getPassword());
        return transport;
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("SMTP connection did not close cleanly: {}", e.getMessage());
        }
    }

    /** One mail refused by the server (5xx): that mail backs off alone, and is given up after bounded attempts. */
    private void rejected(OutboxRepository.Pending mail, Exception e) {
        Instant now = clock.instant();
        String error = describe(e);
        int attempts = mail.attempts() + 1;
        boolean giveUp = attempts >= settings.maxAttemptsForRejected();
        repository.markAttemptFailed(mail.id(), error, now.plus(backoff(attempts)), giveUp);
        logbook.recordMail(mail.ticketId(), mail.kind(), giveUp ? MailStage.FAILED : MailStage.REJECTED,
                "to " + mail.toAddress() + ": " + error + (giveUp ? "; given up after " + attempts + " attempts" : ""));
        log.warn("SMTP rejected {} to {} (attempt {}): {}", mail.kind(), mail.toAddress(), attempts, error);
    }

    /**
     * The recipient's server will not take this mail now (4xx to {@code RCPT TO}): this mail
     * alone backs off, and is given up only when it has waited longer than mail servers wait.
     * Logged at the first deferral and at each doubling of the attempts, so the logbook shows
     * it is still tried without an entry per attempt.
     */
    private void deferred(OutboxRepository.Pending mail, Exception e) {
        Instant now = clock.instant();
        String error = describe(e);
        int attempts = mail.attempts() + 1;
        boolean giveUp = !now.isBefore(mail.createdAt().plus(settings.giveUpDeferredAfter()));
        repository.markAttemptFailed(mail.id(), error, now.plus(backoff(attempts)), giveUp);
        if (giveUp) {
            logbook.recordMail(mail.ticketId(), mail.kind(), MailStage.FAILED, "to " + mail.toAddress() + ": " + error
                    + "; deferred by the recipient's server for " + settings.giveUpDeferredAfter().toHours()
                    + " hours, given up after " + attempts + " attempts");
        } else if (Integer.bitCount(attempts) == 1) {
            logbook.recordMail(mail.ticketId(), mail.kind(), MailStage.DELAYED, "to " + mail.toAddress()
                    + ": the recipient's server defers it (" + error + "); retried alone, attempt " + attempts);
        }
        log.info("SMTP deferred {} to {} (attempt {}): {}", mail.kind(), mail.toAddress(), attempts, error);
    }

    /**
     * The server could not be used: the whole outbox pauses with growing backoff and these
     * mails stay due, so that they leave in their original order when it returns.
     */
    private int serverUnavailable(List<OutboxRepository.Pending> mails, Exception e) {
        Instant now = clock.instant();
        String error = describe(e);
        consecutiveUnavailable++;
        lastServerError = error;
        Duration pause = backoff(consecutiveUnavailable);
        pausedUntil = now.plus(pause);
        for (OutboxRepository.Pending mail : mails) {
            repository.markAttemptFailed(mail.id(), error, now, false);
            if (mail.attempts() == 0) {
                logbook.recordMail(mail.ticketId(), mail.kind(), MailStage.DELAYED,
                        "SMTP server unavailable (" + error + "); kept in the outbox and retried");
            }
        }
        log.warn("SMTP server unavailable, outbox paused for {}: {}", pause, error);
        return 0;
    }

    private Duration backoff(int failures) {
        long factor = 1L << Math.min(failures - 1, 20);
        Duration delay = settings.initialBackoff().multipliedBy(factor);
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    /**
     * A 5xx answer about this very mail or its recipient, as opposed to a server that cannot
     * be reached or will not take mail from the desk at all: TLS or authentication required or
     * refused (530, 534, 535, 538) is the desk's configuration, and would otherwise give up
     * every mail in turn while nothing is wrong with any of them.
     */
    static boolean isRejection(Throwable e) {
        return !refusesTheDesk(e) && causes(e).anyMatch(t -> replyCode(t) >= 500
                || t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                        && failed.getInvalidAddresses().length > 0);
    }

    /**
     * A 4xx answer to {@code RCPT TO}: about that recipient (greylisting, a full or busy
     * mailbox), where a 4xx to the connection, {@code MAIL FROM} or {@code DATA} is the
     * server's own state.
     */
    static boolean isRecipientDeferral(Throwable e) {
        return !refusesTheDesk(e) && causes(e).anyMatch(t -> t instanceof SMTPAddressFailedException
                && replyCode(t) >= 400 && replyCode(t) < 500);
    }

    /** The server's answer concerns the connection (TLS, authentication), not a mail or a recipient. */
    static boolean refusesTheDesk(Throwable e) {
        return causes(e).anyMatch(t -> Set.of(530, 534, 535, 538).contains(replyCode(t))
                || String.valueOf(t.getMessage()).contains("STARTTLS"));
    }

    /** The exception and what caused it (a MessagingException's next exceptions), each once. */
    private static Stream<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain.stream();
    }

    /** The SMTP reply code an exception carries; 0 for one that carries none. */
    private static int replyCode(Throwable t) {
        return t instanceof SMTPSendFailedException f ? f.getReturnCode()
                : t instanceof SMTPAddressFailedException f ? f.getReturnCode() : 0;
    }

    /** Why the last batch could not be sent, and since when; empty while the server takes mail. */
    public synchronized Optional<String> serverProblem() {
        return consecutiveUnavailable == 0 ? Optional.empty()
                : Optional.of(lastServerError + " (" + consecutiveUnavailable + " attempts, paused until "
                + pausedUntil + ")");
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
