package id.go.trenggalekkab.csirt.outbound;

import id.go.trenggalekkab.csirt.system.PollNowOrAfterDelay;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When the outbox-dispatch route looks for due mail: at once when a transaction that
 * queued mail has committed, otherwise after its poll interval (mail due again after a
 * backoff, mail another instance queued). An acknowledgement then leaves as soon as its
 * report is committed (within 0.2 s), not up to a second later.
 */
@Component("sendOnQueue")
class SendOnQueue extends PollNowOrAfterDelay {

    SendOnQueue() {
        // a flood's commits come tens a second: each look then takes a batch over one SMTP connection, not a mail
        super("outbox-dispatch-poll", 200);
    }

    /** Mail was queued in the current transaction: the outbox looks once it has committed. */
    void queuedInThisTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        }
    }
}
