package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Mail from the desk's own address is never answered: the desk would be talking to itself. */
@Component
@Order(20)
class OwnAddressCheck implements AutomaticMailCheck {

    private final String deskAddress;

    OwnAddressCheck(CsirtProperties properties) {
        this.deskAddress = properties.deskAddress();
    }

    @Override
    public Optional<String> reason(InboundMail mail) {
        return deskAddress.equalsIgnoreCase(mail.parsed().fromAddress())
                ? Optional.of("sent from the desk's own address")
                : Optional.empty();
    }
}
