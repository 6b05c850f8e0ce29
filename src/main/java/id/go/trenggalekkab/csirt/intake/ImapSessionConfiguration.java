package id.go.trenggalekkab.csirt.intake;

import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Jakarta Mail settings the mailbox-intake route adds to camel-mail's own. */
@Configuration(proxyBeanMethods = false)
class ImapSessionConfiguration {

    @Bean
    Properties imapSessionProperties() {
        Properties properties = new Properties();
        // a message is fetched in pieces of this size while it is spooled: 16 KiB (the
        // default) makes a 100 MB report 6,400 round trips, a whole-message fetch 100 MB of heap
        properties.setProperty("mail.imap.fetchsize", String.valueOf(1 << 20));
        // a server that stops answering fails the poll instead of hanging it for ever
        properties.setProperty("mail.imap.timeout", "120000");
        properties.setProperty("mail.imap.connectiontimeout", "30000");
        return properties;
    }
}
