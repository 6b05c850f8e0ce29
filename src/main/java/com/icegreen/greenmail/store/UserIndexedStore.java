package com.icegreen.greenmail.store;

import com.icegreen.greenmail.imap.ImapConstants;
import java.util.Locale;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GreenMail's in-memory store with its users' folders found by name in a map. GreenMail 2.1
 * keeps every user's folder in one list under {@code #mail}: each delivery looked its user
 * up by comparing names along that list, and each new user compared its name with every
 * other (a stream over a copy-on-write list) before being added. On the embedded default
 * every reporter is a user (the acknowledgement lands in their mailbox), so a flood of
 * reports from thousands of addresses made every mail slower than the one before: a fifth of
 * GreenMail's SMTP samples in a 1,000-report flood were those two scans (JFR), and a cold
 * 10,000-report backlog drained at 63.9 reports/s without this, 72.3 with (BENCHMARKS.md).
 * Same folders, same names, same errors for a second folder of one name; only the embedded
 * server uses it (in GreenMail's package for the folder's package-private methods; Apache 2.0).
 */
public class UserIndexedStore extends InMemoryStore {

    /** The users' folders under #mail, by name in lower case: GreenMail matches folder names ignoring case. */
    private final Map<String, HierarchicalFolder> users = new ConcurrentHashMap<>();
    private final HierarchicalFolder root = (HierarchicalFolder) super.getMailbox(ImapConstants.USER_NAMESPACE);

    @Override
    public MailFolder getMailbox(String absoluteMailboxName) {
        StringTokenizer tokens = new StringTokenizer(absoluteMailboxName, ImapConstants.HIERARCHY_DELIMITER);
        if (tokens.countTokens() < 2 || !tokens.nextToken().equalsIgnoreCase(ImapConstants.USER_NAMESPACE)) {
            return super.getMailbox(absoluteMailboxName);
        }
        HierarchicalFolder folder = users.get(key(tokens.nextToken()));
        while (folder != null && tokens.hasMoreTokens()) {
            folder = folder.getChild(tokens.nextToken());
        }
        return folder;
    }

    @Override
    public MailFolder getMailbox(MailFolder parent, String name) {
        return parent == root ? users.get(key(name)) : super.getMailbox(parent, name);
    }

    @Override
    public MailFolder createMailbox(MailFolder parent, String mailboxName, boolean selectable) throws FolderException {
        if (parent != root) {
            return super.createMailbox(parent, mailboxName, selectable);
        }
        if (mailboxName.indexOf(ImapConstants.HIERARCHY_DELIMITER_CHAR) != -1) {
            throw new FolderException("Invalid mailbox name " + mailboxName);
        }
        synchronized (users) {
            if (users.containsKey(key(mailboxName))) {
                throw new IllegalStateException("Mailbox " + mailboxName + " already exists in " + root.getName());
            }
            HierarchicalFolder user = new HierarchicalFolder(root, mailboxName);
            // added by identity, where createChild would first compare its name with every other user's
            user.moveToNewParent(root);
            user.setSelectable(selectable);
            users.put(key(mailboxName), user);
            return user;
        }
    }

    @Override
    public void deleteMailbox(MailFolder folder) throws FolderException {
        super.deleteMailbox(folder);
        synchronized (users) {
            users.values().remove(folder);
        }
    }

    @Override
    public void renameMailbox(MailFolder existingFolder, String newName) {
        super.renameMailbox(existingFolder, newName);
        synchronized (users) {
            users.values().remove(existingFolder);
            HierarchicalFolder renamed = (HierarchicalFolder) existingFolder;
            if (renamed.getParent() == root) {
                users.put(key(renamed.getName()), renamed);
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
