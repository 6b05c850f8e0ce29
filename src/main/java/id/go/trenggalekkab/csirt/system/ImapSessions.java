package id.go.trenggalekkab.csirt.system;

import jakarta.mail.Session;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Mail sessions for the desk's IMAP server, the same for intake and for the health check:
 * time-outs on connecting, reading and writing under both {@code mail.imap.*} and
 * {@code mail.imaps.*} (an imaps URL reads only the latter), TLS where the server offers
 * it, the server's certificate checked against its name, and the configured SSL bundle's
 * trust store ({@code csirt.imap.ssl-bundle}) for a server with a private certificate.
 */
@Component
public class ImapSessions {

    private final CsirtProperties.Imap imap;
    private final SSLSocketFactory trusted;

    public ImapSessions(CsirtProperties properties, ObjectProvider<SslBundles> bundles) {
        this.imap = properties.imap();
        String bundle = imap.sslBundle();
        this.trusted = StringUtils.hasText(bundle)
                ? bundles.getObject().getBundle(bundle.strip()).createSslContext().getSocketFactory()
                : null;
    }

    /** A session whose every read and write gives up after {@code timeout}. */
    public Session session(Duration connectTimeout, Duration timeout) {
        Properties properties = new Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            properties.setProperty("mail." + protocol + ".connectiontimeout", Long.toString(connectTimeout.toMillis()));
            properties.setProperty("mail." + protocol + ".timeout", Long.toString(timeout.toMillis()));
            properties.setProperty("mail." + protocol + ".writetimeout", Long.toString(timeout.toMillis()));
            properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            if (trusted != null) {
                properties.put("mail." + protocol + ".ssl.socketFactory", trusted);
            }
        }
        properties.setProperty("mail.imap.starttls.enable", "true");
        return Session.getInstance(properties);
    }

    /** imap or imaps, from the configured URL. */
    public String protocol() {
        return URI.create(imap.url()).getScheme();
    }

    /** Where the mailbox is, for log lines: never the password. */
    public String location() {
        URI uri = URI.create(imap.url());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
