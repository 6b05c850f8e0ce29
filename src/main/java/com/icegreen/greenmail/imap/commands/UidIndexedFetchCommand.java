package com.icegreen.greenmail.imap.commands;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.imap.ImapRequestLineReader;
import com.icegreen.greenmail.imap.ImapResponse;
import com.icegreen.greenmail.imap.ImapSession;
import com.icegreen.greenmail.imap.ImapSessionFolder;
import com.icegreen.greenmail.imap.ImapSessionState;
import com.icegreen.greenmail.imap.ProtocolException;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import jakarta.mail.Flags;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GreenMail's own FETCH, with each message's number in the selected folder found in an
 * index instead of a scan. GreenMail looks a message's number up by copying the folder's
 * whole UID list and scanning it, and FETCH does that for every message in the folder, so
 * one FETCH costs time in the square of the folder's size: with 10,000 mails waiting, the
 * embedded default took in about one a second (BENCHMARKS.md). The index is the folder's
 * UID list, read once and kept while the folder does not change (no message added or
 * removed since): the desk fetches one message at a time, and copying a 10,000-mail
 * folder's list for each was still most of GreenMail's CPU in a 10,000-mail backlog
 * (BENCHMARKS.md, session 17). The answer is the same; only the lookup differs.
 *
 * <p>It lives in GreenMail's package because {@code FetchCommand} is package-private. Only
 * the embedded default's GreenMail uses it ({@code LowLatencyGreenMail}); with a real IMAP
 * server nothing of this runs.
 */
public final class UidIndexedFetchCommand extends FetchCommand {

    public UidIndexedFetchCommand() {
        super();
    }

    /** Whether folders' UID lists can be kept between commands (GreenMail's folder behind a session reached). */
    public static boolean keepsFolderUids() {
        return FolderUids.SESSION_FOLDER != null;
    }

    @Override
    public void doProcess(ImapRequestLineReader request, ImapResponse response, ImapSession session, boolean useUids)
            throws ProtocolException, FolderException {
        ImapSessionFolder selected = session.getSelected();
        if (selected == null) {
            super.doProcess(request, response, session, useUids);
            return;
        }
        IndexedFolder indexed = new IndexedFolder(selected, session);
        try {
            super.doProcess(request, response, new SelectedIndexed(session, indexed), useUids);
        } finally {
            indexed.deselect();
        }
    }

    /** The selected folder seen through its UIDs as last read ({@link FolderUids}), for one command. */
    private static final class IndexedFolder extends ImapSessionFolder {
        private final ImapSessionFolder selected;
        private final FolderUids folderUids;
        private FolderUids.Snapshot snapshot;
        /** Where the last number was found: FETCH asks for them in the folder's order. */
        private int last = -1;

        IndexedFolder(ImapSessionFolder selected, ImapSession session) {
            super(selected, session, selected.isReadonly());
            this.selected = selected;
            this.folderUids = FolderUids.of(selected);
        }

        private FolderUids.Snapshot snapshot() {
            if (snapshot == null) {
                snapshot = folderUids == null ? new FolderUids.Snapshot(-1, selected.getMessageUids())
                        : folderUids.current(selected);
            }
            return snapshot;
        }

        @Override
        public long[] getMessageUids() {
            // FetchCommand only reads it
            return snapshot().uids;
        }

        @Override
        public int getMsn(long uid) throws FolderException {
            FolderUids.Snapshot uids = snapshot();
            int next = last + 1;
            int at = next < uids.uids.length && uids.uids[next] == uid ? next : uids.indexOf(uid);
            if (at < 0) {
                return selected.getMsn(uid);
            }
            last = at;
            return at + 1;
        }

        @Override
        public void setFlags(Flags flags, boolean value, long uid, FolderListener silentListener, boolean addUid)
                throws FolderException {
            // the session's own folder stays the silent one, as with GreenMail's FETCH: no second FLAGS answer
            selected.setFlags(flags, value, uid, silentListener == this ? selected : silentListener, addUid);
        }
    }

    /**
     * One GreenMail folder's UIDs as last read, kept while no message is added to it or
     * removed from it: it listens to the folder, as a selected session does, and counts
     * those changes. GreenMail changes its list first and then tells its listeners, so a
     * list read while a change is under way is kept only until that change is told; one
     * read while the count moved is used once and not kept. GreenMail's purge of every
     * mailbox removes messages without telling anyone, so the list's length is checked too.
     */
    static final class FolderUids implements FolderListener {

        /** GreenMail's folder behind a session's view, the key to its UIDs; null where it cannot be reached. */
        private static final Field SESSION_FOLDER = sessionFolderField();
        /** Guarded by itself; weak, so a folder GreenMail dropped takes its UIDs with it. */
        private static final Map<MailFolder, FolderUids> FOLDERS = new WeakHashMap<>();

        private final AtomicLong changes = new AtomicLong();
        private volatile Snapshot kept;

        /** The UIDs in the folder's order, as read after {@code changes} changes (-1: not kept). */
        record Snapshot(long changes, long[] uids, boolean ascending) {

            Snapshot(long changes, long[] uids) {
                this(changes, uids, ascending(uids));
            }

            int indexOf(long uid) {
                if (ascending) {
                    int at = Arrays.binarySearch(uids, uid);
                    return at >= 0 ? at : -1;
                }
                for (int i = 0; i < uids.length; i++) {
                    if (uids[i] == uid) {
                        return i;
                    }
                }
                return -1;
            }

            private static boolean ascending(long[] uids) {
                for (int i = 1; i < uids.length; i++) {
                    if (uids[i] <= uids[i - 1]) {
                        return false;
                    }
                }
                return true;
            }
        }

        /** The folder's kept UIDs, listening to it from the first time it is asked for; null where not reachable. */
        static FolderUids of(ImapSessionFolder selected) {
            if (SESSION_FOLDER == null) {
                return null;
            }
            MailFolder folder;
            try {
                folder = (MailFolder) SESSION_FOLDER.get(selected);
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
            if (folder == null) {
                // deselected meanwhile: read as GreenMail reads, not kept
                return null;
            }
            synchronized (FOLDERS) {
                FolderUids uids = FOLDERS.get(folder);
                if (uids == null) {
                    uids = new FolderUids();
                    folder.addListener(uids);
                    FOLDERS.put(folder, uids);
                }
                return uids;
            }
        }

        Snapshot current(ImapSessionFolder selected) {
            long before = changes.get();
            Snapshot known = kept;
            if (known != null && known.changes == before && known.uids.length == selected.getMessageCount()) {
                return known;
            }
            Snapshot read = new Snapshot(before, selected.getMessageUids());
            if (changes.get() == before) {
                kept = read;
            }
            return read;
        }

        @Override
        public void added(int msn) {
            changes.incrementAndGet();
        }

        @Override
        public void expunged(int msn) {
            changes.incrementAndGet();
        }

        @Override
        public void flagsUpdated(int msn, Flags flags, Long uid) {
            // flags change no UID
        }

        @Override
        public void mailboxDeleted() {
            changes.incrementAndGet();
        }

        private static Field sessionFolderField() {
            try {
                Field field = ImapSessionFolder.class.getDeclaredField("folder");
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }

    /** The session, with the indexed view as its selected folder; everything else is the session's own. */
    private record SelectedIndexed(ImapSession session, ImapSessionFolder indexed) implements ImapSession {
        @Override
        public ImapSessionFolder getSelected() {
            return indexed;
        }

        @Override
        public void unsolicitedResponses(ImapResponse response) throws FolderException {
            session.unsolicitedResponses(response);
        }

        @Override
        public void unsolicitedResponses(ImapResponse response, boolean omitExpunged) throws FolderException {
            session.unsolicitedResponses(response, omitExpunged);
        }

        @Override
        public void closeConnection() {
            session.closeConnection();
        }

        @Override
        public void closeConnection(String byeMessage) {
            session.closeConnection(byeMessage);
        }

        @Override
        public ImapHostManager getHost() {
            return session.getHost();
        }

        @Override
        public UserManager getUserManager() {
            return session.getUserManager();
        }

        @Override
        public String getClientIP() {
            return session.getClientIP();
        }

        @Override
        public ImapSessionState getState() {
            return session.getState();
        }

        @Override
        public void setAuthenticated(GreenMailUser user) {
            session.setAuthenticated(user);
        }

        @Override
        public GreenMailUser getUser() {
            return session.getUser();
        }

        @Override
        public void setSelected(MailFolder folder, boolean readOnly) {
            session.setSelected(folder, readOnly);
        }

        @Override
        public void deselect() {
            session.deselect();
        }
    }
}
