package id.go.trenggalekkab.csirt.intake;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The end-of-poll move against a real IMAP server (GreenMail). */
class ProcessedMailMoverTest {

    private final ProcessedMailMover mover = new ProcessedMailMover(new CsirtProperties("csirt@trenggalekkab.go.id",
            "TTIS", new CsirtProperties.Imap("imap://unused", "unused", null, "INBOX", "Processed", "Quarantine"),
            null, null));

    @Test
    void movesOnlyTheCommittedMessagesInOneGo() throws Exception {
        String mailbox = newMailbox("A", "B", "C");
        try (Store store = connect(mailbox)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] messages = inbox.getMessages();
            mover.committed(messages[0]);
            mover.committed(messages[2]);
            mover.process(inbox);
            inbox.close(true);
            assertThat(subjects(store, "Processed")).containsExactlyInAnyOrder("A", "C");
            assertThat(subjects(store, "INBOX")).containsExactly("B");
        }
    }

    @Test
    void aMessageCommittedInAnEarlierSessionIsFoundByUidNotByItsOldNumber() throws Exception {
        String mailbox = newMailbox("A", "B", "C");
        try (Store store = connect(mailbox)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            mover.committed(inbox.getMessages()[1]);
            // the poll broke off before its move; meanwhile A leaves the inbox, so that the
            // old number of B (2) now names C
            inbox.getMessages()[0].setFlag(Flags.Flag.DELETED, true);
            inbox.close(true);
            inbox.open(Folder.READ_WRITE);
            mover.process(inbox);
            inbox.close(true);
            assertThat(subjects(store, "Processed")).containsExactly("B");
            assertThat(subjects(store, "INBOX")).containsExactly("C");
        }
    }

    private static String newMailbox(String... subjects) {
        String mailbox = "mover-" + UUID.randomUUID().toString().substring(0, 8) + "@trenggalekkab.go.id";
        TestServers.greenMail().setUser(mailbox, mailbox, mailbox);
        List<byte[]> messages = new ArrayList<>();
        for (String subject : subjects) {
            messages.add(TestMail.report("pelapor@example.org", subject, "isi"));
        }
        assertThat(TestMail.putInInbox(mailbox, messages)).isEmpty();
        return mailbox;
    }

    private static Store connect(String mailbox) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", TestServers.imapPort(), mailbox, mailbox);
        return store;
    }

    private static List<String> subjects(Store store, String folderName) throws Exception {
        Folder folder = store.getFolder(folderName);
        if (!folder.exists()) {
            return List.of();
        }
        folder.open(Folder.READ_ONLY);
        List<String> subjects = new ArrayList<>();
        for (Message m : folder.getMessages()) {
            if (!m.isSet(Flags.Flag.DELETED)) {
                subjects.add(m.getSubject());
            }
        }
        folder.close(false);
        return subjects;
    }
}
