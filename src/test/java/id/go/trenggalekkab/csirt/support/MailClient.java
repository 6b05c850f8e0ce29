package id.go.trenggalekkab.csirt.support;

import id.go.trenggalekkab.csirt.system.Sha256;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Another IMAP client in a mailbox: a person reading the CSIRT mailbox in Thunderbird, an
 * administrator restoring a folder. It works through the real IMAP server like any mail
 * client, by message sequence numbers, as Jakarta Mail's messages do.
 */
public final class MailClient implements AutoCloseable {

    private final Store store;
    private final String login;

    public MailClient(String mailbox) {
        this.login = mailbox;
        try {
            store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", TestServers.imapPort(), mailbox, mailbox);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not log in to " + mailbox, e);
        }
    }

    /** A message as it lies in a folder. */
    public record Stored(long uid, byte[] raw, Flags flags) {
        public String sha256() {
            return Sha256.hex(raw);
        }

        public String text() {
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public void append(String folderName, List<byte[]> messages) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
        Session session = Session.getInstance(new Properties());
        List<Message> asIs = new ArrayList<>();
        for (byte[] raw : messages) {
            asIs.add(new MimeMessage(session, new ByteArrayInputStream(raw)) {
                @Override
                public void saveChanges() {
                    // appended exactly as given
                }
            });
        }
        folder.appendMessages(asIs.toArray(Message[]::new));
    }

    /**
     * Every message in the folder, flagged \Deleted or not, with its bytes; empty where there
     * is no such folder. Read by UID: the UIDs listed in one command, then each message
     * fetched by its UID. Read by sequence number while the desk moves mail out of the same
     * folder, numbers shift under the reader, which then skips messages or reads one twice
     * (seen: a recreated folder's "backup" missing eight reports); a message gone between the
     * listing and its fetch is simply not there. Written apart from the desk's own UID
     * commands on purpose: this is the other client the tests hold the desk against.
     */
    public List<Stored> messages(String folderName) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        if (!folder.exists()) {
            return List.of();
        }
        folder.open(Folder.READ_ONLY);
        try {
            IMAPFolder imap = (IMAPFolder) folder;
            Message[] listed = folder.getMessages();
            FetchProfile uids = new FetchProfile();
            uids.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(listed, uids);
            List<Stored> all = new ArrayList<>();
            for (Message m : listed) {
                long uid = imap.getUID(m);
                if (uid < 0) {
                    continue;
                }
                Stored read = (Stored) imap.doCommand(protocol -> byUid(protocol, uid));
                if (read != null) {
                    all.add(read);
                }
            }
            return all;
        } finally {
            folder.close(false);
        }
    }

    private static Stored byUid(IMAPProtocol protocol, long uid) throws ProtocolException {
        Response[] responses = protocol.command("UID FETCH " + uid + " (UID FLAGS BODY.PEEK[])", null);
        Stored read = null;
        for (int i = 0; i < responses.length; i++) {
            if (responses[i] instanceof FetchResponse fetch) {
                UID fetched = fetch.getItem(UID.class);
                BODY body = fetch.getItem(BODY.class);
                if (fetched != null && fetched.uid == uid && body != null) {
                    FLAGS flags = fetch.getItem(FLAGS.class);
                    read = new Stored(uid, body.getByteArray() == null ? new byte[0] : body.getByteArray().getNewBytes(),
                            flags == null ? new Flags() : flags);
                    responses[i] = null;
                }
            }
        }
        protocol.notifyResponseHandlers(responses);
        protocol.handleResult(responses[responses.length - 1]);
        return read;
    }

    public long uidValidity(String folderName) throws MessagingException {
        return uidValidityOn(store, folderName);
    }

    /** Moves the messages whose subject matches to another folder (created if need be); returns how many. */
    public int move(String from, Predicate<String> which, String to) throws MessagingException {
        Folder target = store.getFolder(to);
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        return act(from, which, (folder, chosen) -> {
            folder.copyMessages(chosen, target);
            folder.setFlags(chosen, new Flags(Flags.Flag.DELETED), true);
            folder.expunge();
        });
    }

    /** Deletes the messages whose subject matches, and expunges the folder: what "Delete" then "Empty" does. */
    public int deleteAndExpunge(String from, Predicate<String> which) throws MessagingException {
        return act(from, which, (folder, chosen) -> {
            folder.setFlags(chosen, new Flags(Flags.Flag.DELETED), true);
            folder.expunge();
        });
    }

    /** Sets a flag on the messages whose subject matches (a person starring or reading them). */
    public int flag(String from, Predicate<String> which, Flags.Flag flag) throws MessagingException {
        return act(from, which, (folder, chosen) -> folder.setFlags(chosen, new Flags(flag), true));
    }

    /** Marks the messages \Deleted and leaves them there (a person's client without auto-expunge). */
    public int markDeleted(String from, Predicate<String> which) throws MessagingException {
        return flag(from, which, Flags.Flag.DELETED);
    }

    /**
     * The folder replaced by a new one of the same name, as a restore from backup does: the
     * old one renamed away ({@code <name>-old-<n>}), a new empty one created, which has a new
     * UIDVALIDITY. (Not DELETE: GreenMail keeps the listeners of sessions it killed for
     * having the folder selected, and fails every later DELETE of it.)
     */
    public void recreate(String folderName) throws MessagingException, InterruptedException {
        long before = uidValidity(folderName);
        int attempt = 0;
        do {
            Folder folder = store.getFolder(folderName);
            if (!folder.renameTo(store.getFolder(folderName + "-old-" + System.nanoTime()))) {
                throw new IllegalStateException("could not rename " + folderName + " away");
            }
            folder = store.getFolder(folderName);
            folder.create(Folder.HOLDS_MESSAGES);
            // GreenMail's UIDVALIDITY counts seconds: a folder made in the same second keeps it
        } while (uidValidity(folderName) == before && ++attempt < 20 && sleep());
    }

    private static long uidValidityOn(Store on, String folderName) throws MessagingException {
        Folder folder = on.getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        try {
            return ((jakarta.mail.UIDFolder) folder).getUIDValidity();
        } finally {
            folder.close(false);
        }
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(300);
        return true;
    }

    private int act(String folderName, Predicate<String> which, FolderAction action) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        folder.open(Folder.READ_WRITE);
        try {
            List<Message> chosen = new ArrayList<>();
            Message[] all = folder.getMessages();
            FetchProfile envelope = new FetchProfile();
            envelope.add(FetchProfile.Item.ENVELOPE);
            folder.fetch(all, envelope);
            for (Message m : all) {
                try {
                    String subject = m.getSubject();
                    if (subject != null && which.test(subject)) {
                        chosen.add(m);
                    }
                } catch (jakarta.mail.MessageRemovedException gone) {
                    // the desk moved it away meanwhile
                }
            }
            if (!chosen.isEmpty()) {
                action.apply(folder, chosen.toArray(Message[]::new));
            }
            return chosen.size();
        } finally {
            if (folder.isOpen()) {
                folder.close(false);
            }
        }
    }

    @FunctionalInterface
    private interface FolderAction {
        void apply(Folder folder, Message[] chosen) throws MessagingException;
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
