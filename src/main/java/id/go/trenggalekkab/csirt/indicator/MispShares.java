package id.go.trenggalekkab.csirt.indicator;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code #bagikan} as a queue. The command writes the request in its own transaction, after
 * the checks that need no network (MISP configured, the case's TLP lets it leave); the
 * misp-share route pushes waiting requests one at a time, outside any transaction, so a
 * slow or absent MISP never holds the intake or a case's lock. MISP away: tried again,
 * 1, 2, 4... minutes apart, {@link #ATTEMPTS} times in all. The outcome is a logbook entry
 * and a mail to the officer who asked. The TLP is checked again at the push: a case made
 * RED meanwhile is not sent.
 */
@Component("mispShares")
public class MispShares {

    private static final Logger log = LoggerFactory.getLogger(MispShares.class);
    static final int ATTEMPTS = 6;
    /** Longer than one push can take (connect and answer, 15 s each). */
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final MispServer misp;
    private final MispShareRepository queue;
    private final CaseIndicators indicators;
    private final TicketRepository tickets;
    private final Logbook logbook;
    private final Mailer mailer;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String deskDomain;

    MispShares(MispServer misp, MispShareRepository queue, CaseIndicators indicators, TicketRepository tickets,
               Logbook logbook, Mailer mailer, TransactionTemplate transaction, Clock clock, CsirtProperties properties) {
        this.misp = misp;
        this.queue = queue;
        this.indicators = indicators;
        this.tickets = tickets;
        this.logbook = logbook;
        this.mailer = mailer;
        this.transaction = transaction;
        this.clock = clock;
        this.deskDomain = properties.deskDomain();
    }

    /** What became of the request: queued, or refused with why (in Indonesian, for the officer). */
    public record Requested(boolean queued, String detail) {}

    /** Template {@code share-outcome}: what became of a #bagikan, to the officer who gave it. */
    record ShareOutcome(CaseHeading ticket, boolean sent, String detail) implements MailModel {

        @Override
        public String template() {
            return "share-outcome";
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Requested request(Ticket ticket, String officer) {
        Optional<String> refusal = misp.refusal(ticket);
        if (refusal.isPresent()) {
            return new Requested(false, refusal.get());
        }
        return queue.request(ticket.id(), officer, clock.instant())
                ? new Requested(true, "dijadwalkan; hasilnya dikirim kepada Anda dan dicatat di logbook")
                : new Requested(false, "permintaan sebelumnya untuk kasus ini masih menunggu");
    }

    /** The route's stage: pushes every request due now, one at a time. Returns how many were tried. */
    public int pushDue() {
        if (!misp.configured()) {
            return 0;
        }
        int tried = 0;
        Optional<MispShareRepository.Claimed> next;
        while ((next = transaction.execute(t -> queue.claimDue(clock.instant(), clock.instant().plus(LEASE)))).isPresent()) {
            push(next.get());
            tried++;
        }
        return tried;
    }

    private void push(MispShareRepository.Claimed claimed) {
        Ticket ticket = tickets.get(claimed.ticketId());
        MispServer.Pushed pushed;
        try {
            pushed = misp.push(ticket, indicators.onCase(ticket.id()), deskDomain);
        } catch (RuntimeException e) {
            // counted like MISP being away: a fault that never passes ends as FAILED, not a retry every lease
            log.error("#bagikan of {} failed before MISP answered", ticket.number(), e);
            pushed = new MispServer.Pushed(false, "kesalahan di desk: " + e.getClass().getSimpleName(), true);
        }
        MispServer.Pushed outcome = pushed;
        transaction.executeWithoutResult(t -> {
            Instant now = clock.instant();
            if (outcome.sent()) {
                queue.finish(claimed.id(), "SENT", outcome.detail(), null, now);
                logbook.record(ticket.id(), claimed.requestedBy(), LogbookEvent.SHARED_WITH_MISP, outcome.detail()
                        + " (attempt " + claimed.attempts() + ")");
                tell(ticket, claimed, true, "kasus dikirim ke MISP (" + outcome.detail() + ")");
            } else if (!outcome.worthRetrying() || claimed.attempts() >= ATTEMPTS) {
                queue.finish(claimed.id(), outcome.worthRetrying() ? "FAILED" : "REFUSED", null, outcome.detail(), now);
                logbook.record(ticket.id(), claimed.requestedBy(), LogbookEvent.NOT_SHARED_WITH_MISP, outcome.detail()
                        + " (attempt " + claimed.attempts() + ")");
                tell(ticket, claimed, false, "kasus tidak dikirim ke MISP: " + outcome.detail());
            } else {
                Instant retry = now.plus(Duration.ofMinutes(1L << (claimed.attempts() - 1)));
                queue.retryAt(claimed.id(), outcome.detail(), retry);
                log.warn("#bagikan of {}: {}; attempt {} of {}, next at {}", ticket.number(), outcome.detail(),
                        claimed.attempts(), ATTEMPTS, retry);
            }
        });
    }

    private void tell(Ticket ticket, MispShareRepository.Claimed claimed, boolean sent, String detail) {
        mailer.queue(Letter.of(MessageKind.SHARE_OUTCOME, new ShareOutcome(CaseHeading.of(ticket), sent, detail),
                claimed.requestedBy(), null).onCase(ticket.id()));
    }
}
