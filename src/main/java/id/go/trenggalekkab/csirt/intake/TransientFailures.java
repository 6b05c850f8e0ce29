package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.intake.mailbox.MailboxUnavailable;
import jakarta.mail.FolderClosedException;
import jakarta.mail.StoreClosedException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.camel.Exchange;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells failures of the infrastructure (retry later, the mail waits in the mailbox) from
 * failures caused by the message (retry a little, then quarantine). Request Tracker's
 * mail gateway makes the same split between temporary and permanent failure.
 */
@Component("transientFailures")
public final class TransientFailures {

    /** For the routes' error handling: whether the exchange failed for a reason that is not the message's. */
    public boolean isTransient(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return isTransient(failure);
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IntakeDeferred
                    || t instanceof MailboxUnavailable
                    || t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof FolderClosedException
                    || t instanceof StoreClosedException
                    || t instanceof SocketException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientSqlState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Connection exceptions (08), resources (53), operator intervention (57P), serialization/deadlock (40). */
    private static boolean isTransientSqlState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01"));
    }
}
