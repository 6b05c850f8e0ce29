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
import java.util.HashMap;
import java.util.Map;

/**
 * GreenMail's own FETCH, with each message's number in the selected folder found in an
 * index built once per command. GreenMail looks a message's number up by copying the
 * folder's whole UID list and scanning it, and FETCH does that for every message in the
 * folder, so one FETCH costs time in the square of the folder's size: with 10,000 mails
 * waiting, the embedded default took in about one a second (BENCHMARKS.md). The answer is
 * the same; only the lookup differs.
 *
 * <p>It lives in GreenMail's package because {@code FetchCommand} is package-private. Only
 * the embedded default's GreenMail uses it ({@code LowLatencyGreenMail}); with a real IMAP
 * server nothing of this runs.
 */
public final class UidIndexedFetchCommand extends FetchCommand {

    public UidIndexedFetchCommand() {
        super();
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

    /** The selected folder seen through a snapshot of its UIDs taken once for the command. */
    private static final class IndexedFolder extends ImapSessionFolder {
        private final ImapSessionFolder selected;
        private long[] uids;
        private Map<Long, Integer> msns;

        IndexedFolder(ImapSessionFolder selected, ImapSession session) {
            super(selected, session, selected.isReadonly());
            this.selected = selected;
        }

        @Override
        public long[] getMessageUids() {
            if (uids == null) {
                uids = selected.getMessageUids();
            }
            return uids;
        }

        @Override
        public int getMsn(long uid) throws FolderException {
            if (msns == null) {
                long[] all = getMessageUids();
                msns = new HashMap<>(all.length * 2);
                for (int i = 0; i < all.length; i++) {
                    msns.put(all[i], i + 1);
                }
            }
            Integer msn = msns.get(uid);
            return msn != null ? msn : selected.getMsn(uid);
        }

        @Override
        public void setFlags(Flags flags, boolean value, long uid, FolderListener silentListener, boolean addUid)
                throws FolderException {
            // the session's own folder stays the silent one, as with GreenMail's FETCH: no second FLAGS answer
            selected.setFlags(flags, value, uid, silentListener == this ? selected : silentListener, addUid);
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
