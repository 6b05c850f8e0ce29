package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Senders that are mailboxes of machines: MAILER-DAEMON, postmaster, no-reply and their kin. */
@Component
@Order(90)
class RobotSenderCheck implements AutomaticMailCheck {

    private static final Pattern ROBOT = Pattern.compile(
            "^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|donotreply|bounces?|mail-?daemon)([+\\-.].*)?@.*",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Optional<String> reason(InboundMail mail) {
        String from = mail.parsed().fromAddress();
        return from != null && ROBOT.matcher(from).matches()
                ? Optional.of("machine sender " + from)
                : Optional.empty();
    }
}
