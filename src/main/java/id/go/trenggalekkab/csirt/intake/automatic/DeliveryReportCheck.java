package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Bounces, delivery delays, read receipts and abuse feedback reports (multipart/report, RFC 6522). */
@Component
@Order(30)
class DeliveryReportCheck implements AutomaticMailCheck {

    @Override
    public Optional<String> reason(InboundMail mail) {
        if ("multipart/report".equals(mail.parsed().contentType())) {
            return Optional.of("delivery or disposition report (multipart/report)");
        }
        if (mail.parsed().headers().has("X-Failed-Recipients")) {
            return Optional.of("non-delivery report (X-Failed-Recipients)");
        }
        return Optional.empty();
    }
}
