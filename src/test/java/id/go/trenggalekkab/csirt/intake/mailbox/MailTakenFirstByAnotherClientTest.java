package id.go.trenggalekkab.csirt.intake.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestServers;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A readable report that another client (a second desk, an officer) moved away between the
 * poll's listing and its fetch is not this desk's to take in, and never a reason to
 * quarantine anything: the message route leaves it, and the poll goes on.
 */
class MailTakenFirstByAnotherClientTest extends DeskIntegrationTest {

    @Autowired
    private ProducerTemplate producer;

    @Autowired
    private CamelContext camelContext;

    @Test
    void aMessageGoneBeforeItWasReadIsLeftToWhoeverTookItAndNothingIsQuarantined() throws Exception {
        int quarantinedBefore = count("SELECT count(*) FROM quarantine");
        int loggedBefore = count("SELECT count(*) FROM logbook WHERE event = 'MESSAGE_QUARANTINED'");
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", TestServers.imapPort(), TestServers.DESK, TestServers.DESK);
        try (store) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try (MailboxPoll poll = new MailboxPoll(inbox, new MailboxPoll.ServerFeatures(true, true))) {
                // listed by the poll, then moved away by someone else: no message has this UID any more
                MailboxUid gone = new MailboxUid("INBOX", inbox.getUIDValidity(), inbox.getUIDNext() + 1_000);
                Exchange exchange = new DefaultExchange(camelContext);
                exchange.setProperty(Mailbox.POLL_PROPERTY, poll);
                exchange.getIn().setBody(gone);

                producer.send("direct:intake-one-mail", exchange);

                assertThat(exchange.getException()).isNull();
                assertThat(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                        .isInstanceOf(MailLeftTheMailbox.class);
            }
        }
        assertThat(count("SELECT count(*) FROM quarantine")).isEqualTo(quarantinedBefore);
        assertThat(count("SELECT count(*) FROM logbook WHERE event = 'MESSAGE_QUARANTINED'")).isEqualTo(loggedBefore);
    }
}
