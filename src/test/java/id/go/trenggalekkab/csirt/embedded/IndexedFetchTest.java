package id.go.trenggalekkab.csirt.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;

/**
 * The embedded GreenMail answers FETCH through an index of the folder's message numbers
 * (UidIndexedFetchCommand) instead of scanning the folder once per message in it. The
 * answers must be GreenMail's own: the right message for a UID, the right number for each
 * message after others were expunged and moved away meanwhile, \Seen set by a body fetch.
 */
class IndexedFetchTest {

    @Test
    void fetchAnswersTheSameMessagesAndNumbersAfterOthersWereExpungedAndMoved() throws Exception {
        String mailbox = TestMail.uniqueAddress("indexed-fetch");
        TestServers.greenMail().setUser(mailbox, mailbox, mailbox);
        List<byte[]> mail = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            mail.add(TestMail.report("pelapor@example.org", "Pesan " + i, "Isi " + i));
        }
        assertThat(TestMail.putInInbox(mailbox, mail)).isEmpty();

        try (Store person = login(mailbox); Store desk = login(mailbox)) {
            IMAPFolder deskInbox = (IMAPFolder) desk.getFolder("INBOX");
            deskInbox.open(Folder.READ_WRITE);
            long[] uids = Arrays.stream(deskInbox.getMessages()).mapToLong(m -> uid(deskInbox, m)).toArray();

            // another client expunges two messages and moves one away while the desk has the folder open
            Folder personInbox = person.getFolder("INBOX");
            personInbox.open(Folder.READ_WRITE);
            Folder archive = person.getFolder("Arsip");
            archive.create(Folder.HOLDS_MESSAGES);
            personInbox.getMessage(16).setFlag(Flags.Flag.DELETED, true);
            personInbox.getMessage(6).setFlag(Flags.Flag.DELETED, true);
            personInbox.copyMessages(new Message[] {personInbox.getMessage(11)}, archive);
            personInbox.getMessage(11).setFlag(Flags.Flag.DELETED, true);
            personInbox.close(true);
            // the desk hears of the expunges (GreenMail numbers messages as they are now, announced or not)
            deskInbox.doCommand(protocol -> {
                protocol.noop();
                return null;
            });

            // by UID: each message that is left is the one of that UID
            for (int i : List.of(0, 4, 9, 20, 29)) {
                Message m = deskInbox.getMessageByUID(uids[i]);
                assertThat(m.getSubject()).isEqualTo("Pesan " + i);
            }
            Message expunged = deskInbox.getMessageByUID(uids[15]);
            assertThat(expunged == null || expunged.isExpunged()).as("expunged by the other client").isTrue();

            // by number, read afresh: 27 left, in order, each FETCH answer carrying its own number
            deskInbox.close(false);
            deskInbox.open(Folder.READ_WRITE);
            Message[] all = deskInbox.getMessages();
            FetchProfile envelope = new FetchProfile();
            envelope.add(FetchProfile.Item.ENVELOPE);
            envelope.add(UIDFolder.FetchProfileItem.UID);
            deskInbox.fetch(all, envelope);
            List<String> expected = IntStream.range(0, 30).filter(i -> i != 5 && i != 10 && i != 15)
                    .mapToObj(i -> "Pesan " + i).toList();
            assertThat(Arrays.stream(all).map(IndexedFetchTest::subject).toList()).isEqualTo(expected);
            for (int n = 1; n <= all.length; n++) {
                assertThat(deskInbox.getMessage(n).getSubject()).isEqualTo(expected.get(n - 1));
            }

            // a body fetch without PEEK marks the message read, as GreenMail's own FETCH does
            Message fifth = deskInbox.getMessage(5);
            assertThat(fifth.isSet(Flags.Flag.SEEN)).isFalse();
            fifth.getContent();
            deskInbox.close(false);
            deskInbox.open(Folder.READ_ONLY);
            assertThat(deskInbox.getMessage(5).isSet(Flags.Flag.SEEN)).isTrue();
            assertThat(deskInbox.getMessage(6).isSet(Flags.Flag.SEEN)).isFalse();
            deskInbox.close(false);
        }
        assertThat(TestServers.greenMail().fetchIndexed()).as("GreenMail's FETCH was replaced by the indexed one").isTrue();
    }

    /**
     * The folder's UID list is kept between commands while nothing is added or removed: each
     * FETCH must still see mail that arrived, was moved away or was purged since the last one.
     */
    @Test
    void theKeptUidListFollowsMailArrivingLeavingAndPurged() throws Exception {
        String mailbox = TestMail.uniqueAddress("kept-uids");
        TestServers.greenMail().setUser(mailbox, mailbox, mailbox);
        List<byte[]> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(TestMail.report("pelapor@example.org", "Awal " + i, "Isi " + i));
        }
        assertThat(TestMail.putInInbox(mailbox, first)).isEmpty();
        assertThat(com.icegreen.greenmail.imap.commands.UidIndexedFetchCommand.keepsFolderUids())
                .as("GreenMail's folder behind a session is reachable, so its UIDs are kept").isTrue();

        try (Store person = login(mailbox); Store desk = login(mailbox)) {
            IMAPFolder deskInbox = (IMAPFolder) desk.getFolder("INBOX");
            deskInbox.open(Folder.READ_WRITE);
            long[] uids = Arrays.stream(deskInbox.getMessages()).mapToLong(m -> uid(deskInbox, m)).toArray();
            for (int i = 0; i < 5; i++) {
                assertThat(subjectByUid(deskInbox, uids[i])).isEqualTo("Awal " + i);
            }

            // a report arrives: the next FETCH by its UID finds it
            assertThat(TestMail.putInInbox(mailbox, List.of(TestMail.report("pelapor@example.org", "Baru", "Isi")))).isEmpty();
            long arrived = uids[4] + 1;
            // (the client learns of it first, or it would drop the answer for a number it does not know)
            deskInbox.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
            assertThat(subjectByUid(deskInbox, arrived)).isEqualTo("Baru");

            // another client moves one away: it is gone, the others are still themselves
            Folder personInbox = person.getFolder("INBOX");
            personInbox.open(Folder.READ_WRITE);
            Folder archive = person.getFolder("Arsip");
            archive.create(Folder.HOLDS_MESSAGES);
            personInbox.copyMessages(new Message[] {personInbox.getMessage(3)}, archive);
            personInbox.getMessage(3).setFlag(Flags.Flag.DELETED, true);
            personInbox.close(true);
            deskInbox.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
            Message moved = deskInbox.getMessageByUID(uids[2]);
            assertThat(moved == null || moved.isExpunged()).as("moved away by the other client").isTrue();
            assertThat(subjectByUid(deskInbox, uids[3])).isEqualTo("Awal 3");
            assertThat(subjectByUid(deskInbox, arrived)).isEqualTo("Baru");

            // asked of the server itself (the client answers the above from what it fetched before)
            assertThat(uidsAnswered(deskInbox)).containsExactly(uids[0], uids[1], uids[3], uids[4], arrived);

            // one leaves and one arrives between two FETCHes: as many messages as before, not the same ones
            personInbox.open(Folder.READ_WRITE);
            personInbox.copyMessages(new Message[] {personInbox.getMessage(1)}, archive);
            personInbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
            personInbox.close(true);
            assertThat(TestMail.putInInbox(mailbox, List.of(TestMail.report("pelapor@example.org", "Lagi", "Isi")))).isEmpty();
            assertThat(uidsAnswered(deskInbox)).containsExactly(uids[1], uids[3], uids[4], arrived, arrived + 1);

            // GreenMail's purge tells no listener: what it removed is not answered from the kept list
            TestServers.greenMail().getManagers().getImapHostManager()
                    .getInbox(TestServers.greenMail().getUserManager().getUserByEmail(mailbox)).deleteAllMessages();
            assertThat(uidsAnswered(deskInbox)).as("nothing is left after the purge").isEmpty();
            deskInbox.close(false);
        }
    }

    /** UID FETCH 1:* straight to the server: the UIDs it answers, the command answered OK. */
    private static List<Long> uidsAnswered(IMAPFolder folder) throws Exception {
        org.eclipse.angus.mail.iap.Response[] answer = (org.eclipse.angus.mail.iap.Response[])
                folder.doCommand(protocol -> protocol.command("UID FETCH 1:* (UID)", null));
        assertThat(answer[answer.length - 1].isOK()).as("FETCH answered OK: %s", answer[answer.length - 1]).isTrue();
        List<Long> uids = new ArrayList<>();
        for (org.eclipse.angus.mail.iap.Response r : answer) {
            // (flag changes made by the other client come as FETCH answers without a UID)
            if (r instanceof org.eclipse.angus.mail.imap.protocol.FetchResponse fetch
                    && fetch.getItem(org.eclipse.angus.mail.imap.protocol.UID.class) != null) {
                uids.add(fetch.getItem(org.eclipse.angus.mail.imap.protocol.UID.class).uid);
            }
        }
        return uids;
    }

    private static String subjectByUid(IMAPFolder folder, long uid) throws Exception {
        Message m = folder.getMessageByUID(uid);
        assertThat(m).as("message of UID " + uid).isNotNull();
        return m.getSubject();
    }

    private static Store login(String mailbox) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", TestServers.imapPort(), mailbox, mailbox);
        return store;
    }

    private static long uid(IMAPFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(Message m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
