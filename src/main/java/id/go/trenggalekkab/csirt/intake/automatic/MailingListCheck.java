package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Mail distributed by a mailing list or a bulk sender (RFC 2369, RFC 2919). */
@Component
@Order(60)
class MailingListCheck implements AutomaticMailCheck {

    @Override
    public Optional<String> reason(InboundMail mail) {
        if (mail.parsed().headers().has("List-Id")) {
            return Optional.of("mailing list (List-Id)");
        }
        if (mail.parsed().headers().has("List-Unsubscribe")) {
            return Optional.of("bulk or list mail (List-Unsubscribe)");
        }
        return Optional.empty();
    }
}
