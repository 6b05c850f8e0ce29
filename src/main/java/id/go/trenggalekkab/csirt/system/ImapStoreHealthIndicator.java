package id.go.trenggalekkab.csirt.system;

import jakarta.mail.Folder;
import jakarta.mail.Store;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the desk's mailbox: the IMAP store accepts the desk's login and the watched
 * folder exists. Its details show how much mail waits unprocessed and how much sits in
 * quarantine, the two numbers an officer on call looks at first.
 */
@Component("imap")
class ImapStoreHealthIndicator extends AbstractHealthIndicator {

    private final CsirtProperties.Imap imap;
    private final ImapSessions sessions;

    ImapStoreHealthIndicator(CsirtProperties properties, ImapSessions sessions) {
        super("IMAP health check failed");
        this.imap = properties.imap();
        this.sessions = sessions;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        URI uri = URI.create(imap.url());
        Store store = sessions.session(Duration.ofSeconds(5), Duration.ofSeconds(5)).getStore(uri.getScheme());
        try {
            store.connect(uri.getHost(), uri.getPort(), imap.user(), imap.password());
            Folder inbox = store.getFolder(imap.folder());
            if (!inbox.exists()) {
                builder.down().withDetail("folder", imap.folder() + " does not exist");
                return;
            }
            Folder quarantine = store.getFolder(imap.quarantineFolder());
            builder.up()
                    .withDetail("location", uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort())
                    .withDetail("waiting", inbox.getMessageCount())
                    .withDetail("quarantined", quarantine.exists() ? quarantine.getMessageCount() : 0);
        } finally {
            store.close();
        }
    }
}
