package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Precedence: bulk, junk or list (and the auto_reply some responders use). */
@Component
@Order(50)
class PrecedenceCheck implements AutomaticMailCheck {

    private static final Set<String> AUTOMATIC = Set.of("bulk", "junk", "list", "auto_reply");

    @Override
    public Optional<String> reason(InboundMail mail) {
        String value = mail.parsed().headers().first("Precedence");
        if (value == null) {
            return Optional.empty();
        }
        String precedence = value.trim().toLowerCase(Locale.ROOT);
        return AUTOMATIC.contains(precedence) ? Optional.of("Precedence: " + precedence) : Optional.empty();
    }
}
