package id.go.trenggalekkab.csirt.system;

import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction the routes name ({@code policy: {ref: oneTransaction}}): the steps inside
 * run in one database transaction, which every bean they call joins. It commits when they
 * end, and rolls back when one throws or marks the exchange rollback-only; the failure is
 * left on the exchange, for the route's own error handling or its caller's.
 *
 * <p>Why not Camel's {@code transacted}: its transaction error handler marks a failed
 * exchange as exhausted, and a caller's error handling then neither retries nor quarantines
 * it (measured: the intake re-read such a message on every poll, for ever).
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    Policy oneTransaction(PlatformTransactionManager transactionManager) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        return new Policy() {
            @Override
            public void beforeWrap(Route route, NamedNode definition) {
                // nothing to prepare
            }

            @Override
            public Processor wrap(Route route, Processor steps) {
                return exchange -> transactions.executeWithoutResult(status -> {
                    try {
                        steps.process(exchange);
                    } catch (Exception e) {
                        exchange.setException(e);
                    }
                    if (exchange.getException() != null || exchange.isRollbackOnly()) {
                        status.setRollbackOnly();
                    }
                });
            }
        };
    }
}
