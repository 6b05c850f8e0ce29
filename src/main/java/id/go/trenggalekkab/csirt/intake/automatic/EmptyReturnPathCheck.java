package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A null reverse-path ({@code Return-Path: <>}) is how MTAs send bounces and other mail that must not be answered. */
@Component
@Order(80)
class EmptyReturnPathCheck implements AutomaticMailCheck {

    private static final Pattern SPACE_OR_BRACKET = Pattern.compile("[\\s<>]");

    @Override
    public Optional<String> reason(InboundMail mail) {
        String returnPath = mail.parsed().headers().first("Return-Path");
        if (returnPath == null) {
            return Optional.empty();
        }
        return SPACE_OR_BRACKET.matcher(returnPath).replaceAll("").isEmpty()
                ? Optional.of("empty Return-Path")
                : Optional.empty();
    }
}
