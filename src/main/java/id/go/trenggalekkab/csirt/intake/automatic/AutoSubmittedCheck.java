package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** RFC 3834: any Auto-Submitted value other than "no" marks machine-sent mail. */
@Component
@Order(40)
class AutoSubmittedCheck implements AutomaticMailCheck {

    @Override
    public Optional<String> reason(InboundMail mail) {
        String value = mail.parsed().headers().first("Auto-Submitted");
        if (value == null) {
            return Optional.empty();
        }
        String keyword = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return keyword.equals("no") ? Optional.empty() : Optional.of("Auto-Submitted: " + keyword);
    }
}
