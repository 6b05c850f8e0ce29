package id.go.trenggalekkab.csirt.support;

import id.go.trenggalekkab.csirt.intake.automatic.AutomaticMailCheck;
import id.go.trenggalekkab.csirt.intake.thread.ThreadCheck;
import id.go.trenggalekkab.csirt.mail.InboundMail;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault injection through the intake's own extension points: a message carrying
 * {@value #HEADER} fails every time it is read, as a message that trips a bug would; one
 * carrying {@value #INSIDE_TRANSACTION} fails inside the intake's transaction, after
 * writing a logbook row ({@value #PROBE}) that must not survive the rollback.
 * Everything around it (IMAP, PostgreSQL, the routes' retries and quarantine) is real.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PoisonMessages {

    public static final String HEADER = "X-Test-Poison";
    public static final String INSIDE_TRANSACTION = "X-Test-Poison-In-Transaction";
    public static final String PROBE = "TEST_POISON_PROBE";

    /** A message carrying this fails until {@link #CAUSE_FIXED} is set: a bug fixed, then the mail replayed. */
    public static final String UNTIL_FIXED = "X-Test-Poison-Until-Fixed";
    public static final java.util.concurrent.atomic.AtomicBoolean CAUSE_FIXED = new java.util.concurrent.atomic.AtomicBoolean();

    /** How many times a message poisoned inside the transaction was taken in. */
    public static final AtomicInteger ATTEMPTS_INSIDE_TRANSACTION = new AtomicInteger();

    @Bean
    @Order(0)
    AutomaticMailCheck poisonMessageCheck() {
        return (InboundMail mail) -> {
            if (mail.parsed().headers().has(HEADER)) {
                throw new IllegalStateException("poison message: this message always fails");
            }
            if (mail.parsed().headers().has(UNTIL_FIXED) && !CAUSE_FIXED.get()) {
                throw new IllegalStateException("poison message: fails until its cause is fixed");
            }
            return Optional.empty();
        };
    }

    @Bean
    @Order(0)
    ThreadCheck poisonInsideTheTransaction(JdbcTemplate jdbc) {
        return arrival -> {
            if (arrival.mail().parsed().headers().has(INSIDE_TRANSACTION)) {
                ATTEMPTS_INSIDE_TRANSACTION.incrementAndGet();
                jdbc.update("INSERT INTO logbook (at, actor, event, detail) VALUES (now(), 'test', ?, ?)", PROBE,
                        arrival.mail().parsed().messageId());
                throw new IllegalStateException("poison message: fails inside the transaction");
            }
            return Optional.empty();
        };
    }
}
