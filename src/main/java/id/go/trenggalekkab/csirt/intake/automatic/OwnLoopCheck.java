package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.LoopHeader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Mail the desk sent, come back: every message the desk sends carries its loop header,
 * and an autoresponder that quotes it or a forward that wraps it brings the header back
 * somewhere in the raw bytes, not only at the top.
 */
@Component
@Order(10)
class OwnLoopCheck implements AutomaticMailCheck {

    private static final byte[] NEEDLE = (LoopHeader.NAME + ":").toLowerCase().getBytes(StandardCharsets.US_ASCII);

    @Override
    public Optional<String> reason(InboundMail mail) {
        return mail.raw().containsIgnoreCase(NEEDLE)
                ? Optional.of("carries the desk's own " + LoopHeader.NAME + " header: the desk's own mail came back")
                : Optional.empty();
    }
}
