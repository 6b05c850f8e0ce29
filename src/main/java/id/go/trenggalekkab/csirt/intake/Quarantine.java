package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.mail.RawMessage;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import java.time.Clock;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a message goes that failed every retry (routes/intake-errors.camel.yaml): its
 * bytes to the quarantine table, the reason to the logbook, and the mail itself to the
 * Quarantine folder, moved by the consumer. The mail behind it carries on.
 */
@Component("quarantine")
public class Quarantine {

    private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

    private final MailboxReader reader;
    private final UnservedMessages unserved;
    private final QuarantineRepository repository;
    private final Logbook logbook;
    private final Clock clock;
    private final String folder;

    Quarantine(MailboxReader reader, UnservedMessages unserved, QuarantineRepository repository, Logbook logbook,
               Clock clock, CsirtProperties properties) {
        this.reader = reader;
        this.unserved = unserved;
        this.repository = repository;
        this.logbook = logbook;
        this.clock = clock;
        this.folder = properties.imap().quarantineFolder();
    }

    @Transactional
    public void keep(Exchange exchange) {
        MailboxReader.detachFromMailHeaders(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        RawMessage raw;
        try {
            raw = reader.raw(exchange);
        } catch (MailboxReader.UnreadableMessage unreadable) {
            // the server cannot hand the message over: the folder move still keeps it whole
            raw = RawMessage.of(new byte[0]);
        }
        String sha256 = raw.size() == 0 ? "unreadable-" + UUID.randomUUID() : raw.sha256();
        String reason = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (reason.length() > 2000) {
            reason = reason.substring(0, 2000);
        }
        repository.insert(raw, sha256, reason, clock.instant());
        logbook.record(null, Logbook.SYSTEM, LogbookEvent.MESSAGE_QUARANTINED,
                "SHA-256 " + sha256 + ", " + raw.size() + " bytes, moved to IMAP folder " + folder + ": " + reason);
        exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, folder);
        unserved.forget(exchange.getProperty(MailConsumer.MAIL_MESSAGE_UID, String.class));
        log.error("Message {} quarantined: {}", sha256, reason, cause);
    }
}
