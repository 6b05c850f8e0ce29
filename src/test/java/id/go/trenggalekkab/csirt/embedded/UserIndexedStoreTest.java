package id.go.trenggalekkab.csirt.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.InMemoryStore;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import com.icegreen.greenmail.store.UserIndexedStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's store finds a user's folders through a map instead of GreenMail's
 * list scans; everything else must be GreenMail's. Each scenario runs on both stores and
 * their answers are compared, so a difference in what is found, refused or listed fails.
 */
class UserIndexedStoreTest {

    private static final int USERS = 2_000;

    @Test
    void everyUsersFoldersAreFoundAsGreenMailFindsThem() throws Exception {
        assertSameAnswers(store -> {
            List<String> answers = new ArrayList<>();
            MailFolder root = store.getMailbox("#mail");
            for (int u = 1; u <= USERS; u++) {
                MailFolder user = store.createMailbox(root, "u" + u, false);
                store.createMailbox(user, "INBOX", true);
            }
            for (int u = 1; u <= USERS; u += 97) {
                answers.add(describe(store.getMailbox("#mail.u" + u + ".INBOX")));
                answers.add(describe(store.getMailbox("#MAIL.U" + u + ".inbox")));
                answers.add(describe(store.getMailbox(root, "u" + u)));
            }
            answers.add(describe(store.getMailbox("#mail.u" + (USERS + 1) + ".INBOX")));
            answers.add(describe(store.getMailbox("#mail.u1.Sent")));
            answers.add(describe(store.getMailbox("#mail")));
            answers.add(String.valueOf(store.getChildren(root).size()));
            answers.add(String.valueOf(store.listMailboxes("*").size()));
            return answers;
        });
    }

    @Test
    void aSecondUserFolderOfOneNameIsRefusedAndADeletedOneCanComeBack() throws Exception {
        assertSameAnswers(store -> {
            List<String> answers = new ArrayList<>();
            MailFolder root = store.getMailbox("#mail");
            MailFolder user = store.createMailbox(root, "u7", false);
            store.createMailbox(user, "INBOX", true);
            answers.add(refusal(() -> store.createMailbox(root, "u7", false)));
            answers.add(refusal(() -> store.createMailbox(root, "u7.x", false)));

            store.deleteMailbox(store.getMailbox("#mail.u7.INBOX"));
            store.deleteMailbox(store.getMailbox(root, "u7"));
            answers.add(describe(store.getMailbox("#mail.u7.INBOX")));
            answers.add(describe(store.getMailbox(root, "u7")));

            MailFolder again = store.createMailbox(root, "u7", false);
            store.createMailbox(again, "INBOX", true);
            answers.add(describe(store.getMailbox("#mail.u7.INBOX")));
            answers.add(String.valueOf(store.getMailbox("#mail.u7.INBOX") == store.getMailbox(again, "INBOX")));
            return answers;
        });
    }

    @Test
    void aFolderRenamedInsideAUsersMailboxIsFoundUnderItsNewName() throws Exception {
        assertSameAnswers(store -> {
            List<String> answers = new ArrayList<>();
            MailFolder user = store.createMailbox(store.getMailbox("#mail"), "u9", false);
            MailFolder inbox = store.createMailbox(user, "INBOX", true);
            MailFolder processed = store.createMailbox(inbox, "Diproses", true);
            store.renameMailbox(processed, "INBOX.Selesai");
            answers.add(describe(store.getMailbox("#mail.u9.INBOX.Selesai")));
            answers.add(describe(store.getMailbox("#mail.u9.INBOX.Diproses")));
            return answers;
        });
    }

    @FunctionalInterface
    private interface Scenario {
        List<String> run(Store store) throws Exception;
    }

    private static void assertSameAnswers(Scenario scenario) throws Exception {
        List<String> greenMails = scenario.run(new InMemoryStore());
        List<String> indexed = scenario.run(new UserIndexedStore());
        assertThat(greenMails).as("GreenMail's own answers").isNotEmpty().anyMatch(a -> !a.equals("none"));
        assertThat(indexed).isEqualTo(greenMails);
    }

    private static String describe(MailFolder folder) {
        return folder == null ? "none" : folder.getFullName() + (folder.isSelectable() ? " selectable" : "");
    }

    private static String refusal(Creation creation) {
        try {
            return "created " + describe(creation.create());
        } catch (FolderException | IllegalStateException refused) {
            return "refused: " + refused.getClass().getSimpleName();
        }
    }

    @FunctionalInterface
    private interface Creation {
        MailFolder create() throws FolderException;
    }
}
