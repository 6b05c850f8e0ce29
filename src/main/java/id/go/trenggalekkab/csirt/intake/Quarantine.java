package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.intake.mailbox.Mailbox;
import id.go.trenggalekkab.csirt.intake.mailbox.MailboxUid;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.mail.RawMessage;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a message goes that failed every retry (routes/intake-errors.camel.yaml): its
 * bytes to the quarantine table and the reason to the logbook, in one transaction; once
 * that has committed the route marks the mail for the Quarantine folder, where the poll
 * moves it by UID. The mail behind it carries on. A message quarantined before whose
 * move never happened (the desk died in between) is recognised and only moved.
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
        MailboxUid message = Mailbox.message(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        RawMessage raw;
        try {
            raw = reader.raw(exchange);
        } catch (MailboxReader.UnreadableMessage unreadable) {
            // the server cannot hand the message over: the folder move still keeps it whole
            raw = RawMessage.of(new byte[0]);
        }
        boolean unreadable = raw.size() == 0;
        String sha256 = unreadable ? "unreadable" : raw.sha256();
        // an unreadable message is known by where it is, a readable one by its bytes
        String dedupKey = unreadable ? "unreadable:" + message.key() : "sha256:" + sha256;
        String reason = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (reason.length() > 2000) {
            reason = reason.substring(0, 2000);
        }
        unserved.forget(message);
        if (!repository.insert(dedupKey, raw, sha256, reason, clock.instant())) {
            log.warn("Message {} was quarantined before; its mail is moved to {} now", dedupKey, folder);
            exchange.setProperty(Mailbox.QUARANTINED_BEFORE, true);
            return;
        }
        logbook.record(null, Logbook.SYSTEM, LogbookEvent.MESSAGE_QUARANTINED,
                (unreadable ? "unreadable message " + message : "SHA-256 " + sha256 + ", " + raw.size() + " bytes")
                        + ", moved to IMAP folder " + folder + ": " + reason);
        log.error("Message {} quarantined: {}", dedupKey, reason, cause);
    }
}
