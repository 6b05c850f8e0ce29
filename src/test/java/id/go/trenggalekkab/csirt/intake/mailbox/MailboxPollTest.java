package id.go.trenggalekkab.csirt.intake.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.trenggalekkab.csirt.mail.RawMessage;
import id.go.trenggalekkab.csirt.support.MailClient;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The intake's IMAP commands against a real server (GreenMail) while another client works
 * in the same folder: every message is named by UID, so another client's moves, deletions
 * and expunges never make the desk read, move or expunge the wrong message.
 */
class MailboxPollTest {

    private static final MailboxPoll.ServerFeatures WITH_MOVE = new MailboxPoll.ServerFeatures(true, true);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aMessageIsReadByItsUidAfterAnotherClientExpungedTheMessagesBeforeIt() throws Exception {
        String mailbox = newMailbox("A", "B", "C");
        MailboxPoll poll = poll(mailbox, WITH_MOVE);
        List<MailboxUid> pending = poll.pending(100);
        assertThat(pending).hasSize(3);
        // a person deletes A and B: C's sequence number is now 1, and 3 names nothing
        person(mailbox).deleteAndExpunge("INBOX", subject -> subject.equals("A") || subject.equals("B"));

        try (RawMessage c = poll.fetch(pending.get(2))) {
            assertThat(new String(c.head(10_000))).contains("Subject: C");
        }
        assertThatThrownBy(() -> poll.fetch(pending.get(0)))
                .isInstanceOf(MailLeftTheMailbox.class)
                .hasMessageContaining("another client moved or deleted it");
    }

    @Test
    void onlyTheCommittedMessagesAreMovedAfterAnotherClientShiftedEveryNumber() throws Exception {
        String mailbox = newMailbox("A", "B", "C", "D", "E");
        MailboxPoll poll = poll(mailbox, WITH_MOVE);
        List<MailboxUid> pending = poll.pending(100);
        poll.fileIn(pending.get(2), "Processed");
        poll.fileIn(pending.get(4), "Processed");
        // meanwhile a person moves A away and deletes B: by number, the desk's C and E are now A's and C's old places
        MailClient person = person(mailbox);
        person.move("INBOX", subject -> subject.equals("A"), "Arsip");
        person.deleteAndExpunge("INBOX", subject -> subject.equals("B"));

        poll.fileAway(MailboxPollTest::create);

        assertThat(subjects(person, "Processed")).containsExactlyInAnyOrder("C", "E");
        assertThat(subjects(person, "INBOX")).containsExactly("D");
        assertThat(subjects(person, "Arsip")).containsExactly("A");
    }

    @Test
    void aCommittedMessageAnotherClientMovedFirstIsLeftWhereThatClientPutIt() throws Exception {
        String mailbox = newMailbox("A", "B");
        MailboxPoll poll = poll(mailbox, WITH_MOVE);
        List<MailboxUid> pending = poll.pending(100);
        poll.fileIn(pending.get(0), "Processed");
        MailClient person = person(mailbox);
        person.move("INBOX", subject -> subject.equals("A"), "Arsip");

        poll.fileAway(MailboxPollTest::create);

        assertThat(subjects(person, "Arsip")).containsExactly("A");
        assertThat(subjects(person, "Processed")).isEmpty();
        assertThat(subjects(person, "INBOX")).containsExactly("B");
    }

    @Test
    void whereTheFolderWasRecreatedNothingReadUnderTheOldUidValidityIsMoved() throws Exception {
        String mailbox = newMailbox("A", "B");
        MailClient person = person(mailbox);
        person.append("Laporan", List.of(TestMail.report("p@example.org", "A", "isi"),
                TestMail.report("p@example.org", "B", "isi")));
        MailboxPoll poll = poll(mailbox, "Laporan", WITH_MOVE);
        List<MailboxUid> pending = poll.pending(100);
        poll.fileIn(pending.get(0), "Processed");
        // restored from a backup in another order: UID 1 now names B
        person.recreate("Laporan");
        person.append("Laporan", List.of(TestMail.report("p@example.org", "B", "isi"),
                TestMail.report("p@example.org", "A", "isi")));

        poll.fileAway(MailboxPollTest::create);

        assertThat(subjects(person, "Processed")).isEmpty();
        assertThat(subjects(person, "Laporan")).containsExactly("B", "A");
    }

    @Test
    void withoutMoveTheCopyAndExpungeTouchOnlyTheDesksMessagesNeverWhatAPersonFlaggedDeleted() throws Exception {
        String mailbox = newMailbox("A", "B", "C");
        MailboxPoll poll = poll(mailbox, new MailboxPoll.ServerFeatures(false, true));
        List<MailboxUid> pending = poll.pending(100);
        poll.fileIn(pending.get(0), "Processed");
        MailClient person = person(mailbox);
        // a person marks B for deletion and has not emptied the folder yet: that is theirs to decide
        person.markDeleted("INBOX", subject -> subject.equals("B"));

        poll.fileAway(MailboxPollTest::create);

        assertThat(subjects(person, "Processed")).containsExactly("A");
        List<MailClient.Stored> inbox = person.messages("INBOX");
        assertThat(inbox).extracting(m -> subjectOf(m)).containsExactly("B", "C");
        assertThat(inbox.get(0).flags().contains(Flags.Flag.DELETED)).isTrue();
    }

    @Test
    void withNeitherMoveNorUidExpungeMailMarkedDeletedIsNotReadAgain() throws Exception {
        String mailbox = newMailbox("A", "B");
        MailboxPoll.ServerFeatures oldServer = new MailboxPoll.ServerFeatures(false, false);
        MailboxPoll first = poll(mailbox, oldServer);
        first.fileIn(first.pending(100).get(0), "Processed");
        first.fileAway(MailboxPollTest::create);

        MailboxPoll second = poll(mailbox, oldServer);
        List<MailboxUid> pending = second.pending(100);
        assertThat(pending).hasSize(1);
        try (RawMessage b = second.fetch(pending.get(0))) {
            assertThat(new String(b.head(10_000))).contains("Subject: B");
        }
        assertThat(subjects(person(mailbox), "Processed")).containsExactly("A");
    }

    @Test
    void aMessageLargerThanOneFetchIsReadWholeInPieces() throws Exception {
        String body = "x".repeat(MailboxPoll.FETCH_CHUNK * 2 + 17);
        String mailbox = newMailbox();
        TestMail.putInInbox(mailbox, List.of(TestMail.report("p@example.org", "Besar", body)));
        MailboxPoll poll = poll(mailbox, WITH_MOVE);
        byte[] stored = person(mailbox).messages("INBOX").get(0).raw();
        try (RawMessage read = poll.fetch(poll.pending(1).get(0))) {
            assertThat(read.size()).isEqualTo(stored.length);
            assertThat(read.sha256()).isEqualTo(id.go.trenggalekkab.csirt.system.Sha256.hex(stored));
        }
    }

    @Test
    void aPollIsSharedInLanesFromHeadersFetchedByUidAndAReplyGoesWithTheReportItAnswers() throws Exception {
        String mailbox = newMailbox();
        assertThat(TestMail.putInInbox(mailbox, List.of(
                TestMail.report("a@example.org", "A", "isi", "Message-ID: <laporan-a@example.org>"),
                TestMail.report("b@example.org", "B", "isi"),
                TestMail.report("c@example.org", "Re: A", "isi", "In-Reply-To: <laporan-a@example.org>"),
                TestMail.report("d@example.org", "D", "isi"),
                TestMail.report("e@example.org", "E", "isi")))).isEmpty();
        MailboxPoll poll = poll(mailbox, WITH_MOVE);
        List<List<MailboxUid>> lanes = poll.lanes(100, 2);

        assertThat(lanes).hasSize(2);
        assertThat(lanes.stream().mapToInt(List::size).sum()).isEqualTo(5);
        List<String> withA = null;
        for (List<MailboxUid> lane : lanes) {
            List<String> subjects = new ArrayList<>();
            for (MailboxUid message : lane) {
                try (RawMessage raw = poll.fetch(message)) {
                    subjects.add(TestMail.subjectOf(TestMail.parse(raw.head(100_000))));
                }
            }
            if (subjects.contains("A")) {
                withA = subjects;
            }
        }
        assertThat(withA).containsSubsequence("A", "Re: A");
    }

    private MailboxPoll poll(String mailbox, MailboxPoll.ServerFeatures features) throws Exception {
        return poll(mailbox, "INBOX", features);
    }

    private MailboxPoll poll(String mailbox, String folderName, MailboxPoll.ServerFeatures features) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", TestServers.imapPort(), mailbox, mailbox);
        open.add(store);
        IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
        folder.open(Folder.READ_WRITE);
        MailboxPoll poll = new MailboxPoll(folder, features);
        open.add(poll);
        return poll;
    }

    private MailClient person(String mailbox) {
        MailClient client = new MailClient(mailbox);
        open.add(client);
        return client;
    }

    private static void create(Store store, String name) throws jakarta.mail.MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
    }

    private static List<String> subjects(MailClient client, String folder) throws Exception {
        return client.messages(folder).stream().map(MailboxPollTest::subjectOf).toList();
    }

    private static String subjectOf(MailClient.Stored message) {
        return TestMail.subjectOf(TestMail.parse(message.raw()));
    }

    private static String newMailbox(String... subjects) {
        String mailbox = "poll-" + UUID.randomUUID().toString().substring(0, 8) + "@trenggalekkab.go.id";
        TestServers.greenMail().setUser(mailbox, mailbox, mailbox);
        List<byte[]> messages = new ArrayList<>();
        for (String subject : subjects) {
            messages.add(TestMail.report("pelapor@example.org", subject, "isi"));
        }
        assertThat(TestMail.putInInbox(mailbox, messages)).isEmpty();
        return mailbox;
    }
}
