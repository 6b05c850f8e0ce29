package id.go.trenggalekkab.csirt.support;

import id.go.trenggalekkab.csirt.intake.InboundMail;
import id.go.trenggalekkab.csirt.intake.automatic.AutomaticMailCheck;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Fault injection through the intake's own extension point: a message carrying
 * {@value #HEADER} fails every time it is processed, as a message that trips a bug
 * would. Everything around it (IMAP, PostgreSQL, the routes' retries and quarantine) is real.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PoisonMessages {

    public static final String HEADER = "X-Test-Poison";

    @Bean
    @Order(0)
    AutomaticMailCheck poisonMessageCheck() {
        return (InboundMail mail) -> {
            if (mail.parsed().headers().has(HEADER)) {
                throw new IllegalStateException("poison message: this message always fails");
            }
            return Optional.empty();
        };
    }
}
