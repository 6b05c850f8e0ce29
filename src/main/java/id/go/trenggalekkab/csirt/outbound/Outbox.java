package id.go.trenggalekkab.csirt.outbound;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.MailStage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: a message to send is stored, with its final bytes, in the
 * transaction of the change that caused it. If that transaction rolls back, nothing is
 * sent; once it commits, the {@link OutboxDispatcher} sends it whatever happens to SMTP.
 */
@Component
class Outbox {

    private final OutboundMailComposer composer;
    private final OutboxRepository repository;
    private final Logbook logbook;
    private final SendOnQueue sendOnQueue;

    Outbox(OutboundMailComposer composer, OutboxRepository repository, Logbook logbook, SendOnQueue sendOnQueue) {
        this.composer = composer;
        this.repository = repository;
        this.logbook = logbook;
        this.sendOnQueue = sendOnQueue;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ComposedMail enqueue(Long ticketId, MailDraft draft) {
        ComposedMail mail = composer.compose(draft);
        repository.insert(ticketId, mail);
        logbook.recordMail(ticketId, draft.kind(), MailStage.QUEUED,
                "to " + draft.toAddress() + ", Message-ID " + mail.messageId());
        sendOnQueue.queuedInThisTransaction();
        return mail;
    }
}
