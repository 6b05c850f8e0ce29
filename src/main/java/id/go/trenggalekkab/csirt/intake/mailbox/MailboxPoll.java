package id.go.trenggalekkab.csirt.intake.mailbox;

import id.go.trenggalekkab.csirt.mail.RawMessage;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the watched folder: the folder selected, the UIDs waiting in it, each
 * message's bytes fetched by UID, and at the end the messages taken in filed away (moved
 * to Processed or Quarantine), all by UID and only under the UIDVALIDITY they were read
 * under. What another client does to the folder meanwhile (moving, deleting, expunging,
 * flagging other messages) changes no UID, so it cannot make the desk read, move or
 * quarantine the wrong message.
 */
public final class MailboxPoll implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoll.class);

    /** A message is fetched in pieces of this size while it is spooled: one round trip for most mail, bounded heap for a 100 MB one. */
    static final int FETCH_CHUNK = 1 << 20;
    /** UIDs per MOVE command: a poll takes at most a few hundred, and some servers limit a command's length. */
    private static final int UIDS_PER_COMMAND = 500;

    private final IMAPFolder folder;
    private final long uidValidity;
    private final ServerFeatures features;
    private final Map<String, Set<Long>> toFile = new LinkedHashMap<>();
    private boolean somethingNew;
    private boolean closed;

    MailboxPoll(IMAPFolder folder, ServerFeatures features) throws MessagingException {
        this.folder = folder;
        this.features = features;
        this.uidValidity = folder.getUIDValidity();
    }

    /** The server's answers about itself that decide how mail is moved. */
    record ServerFeatures(boolean move, boolean uidExpunge) {

        /** Without MOVE or UID EXPUNGE a copied message stays flagged \Deleted in the inbox until someone expunges it: not read again. */
        String pendingCriteria() {
            return move || uidExpunge ? "ALL" : "UNDELETED";
        }
    }

    /** The messages waiting, oldest first, at most {@code max} of them. */
    List<MailboxUid> pending(int max) throws MessagingException {
        long[] uids = (long[]) folder.doCommand(p -> UidCommands.search(p, features.pendingCriteria()));
        List<MailboxUid> pending = new ArrayList<>();
        for (int i = 0; i < uids.length && pending.size() < max; i++) {
            pending.add(new MailboxUid(folder.getFullName(), uidValidity, uids[i]));
        }
        return pending;
    }

    /**
     * The messages waiting, at most {@code max}, shared among at most {@code lanes} lanes
     * that may take them in side by side ({@link IntakeLanes}): related mail in one lane, in
     * arrival order. The headers that decide it come for the whole poll in one command.
     */
    List<List<MailboxUid>> lanes(int max, int lanes) throws MessagingException {
        List<MailboxUid> pending = pending(max);
        if (lanes <= 1 || pending.size() <= 1) {
            return pending.isEmpty() ? List.of() : List.of(pending);
        }
        long[] uids = pending.stream().mapToLong(MailboxUid::uid).toArray();
        @SuppressWarnings("unchecked")
        Map<Long, byte[]> headers = (Map<Long, byte[]>) folder.doCommand(
                p -> UidCommands.headerFields(p, uids, IntakeLanes.FIELDS));
        return IntakeLanes.plan(pending, headers, lanes);
    }

    /**
     * The message's bytes exactly as the server holds them, spooled and hashed as they
     * arrive; a message no longer there (another client moved or deleted it) is
     * {@link MailLeftTheMailbox}, never another message.
     */
    public RawMessage fetch(MailboxUid message) throws MessagingException, IOException {
        requireSameFolder(message);
        return RawMessage.spool(out -> {
            long offset = 0;
            while (true) {
                long from = offset;
                byte[] chunk = fetchChunk(message, from);
                if (chunk == null) {
                    throw new MailLeftTheMailbox(message, offset);
                }
                out.write(chunk);
                offset += chunk.length;
                if (chunk.length < FETCH_CHUNK) {
                    return;
                }
            }
        });
    }

    /**
     * One piece of the message. Another lane's failure may close the poll's connection under
     * this one: with the folder closed, Jakarta Mail would send the command unselected and
     * the server's refusal would read as this message's fault; it is the connection's.
     */
    private byte[] fetchChunk(MailboxUid message, long from) throws MessagingException {
        if (!folder.isOpen()) {
            throw new FolderClosedException(folder, "the poll's connection closed before " + message + " was read");
        }
        try {
            return (byte[]) folder.doCommand(p -> UidCommands.fetch(p, message.uid(), from, FETCH_CHUNK));
        } catch (MessagingException e) {
            if (!folder.isOpen()) {
                throw new FolderClosedException(folder, "the poll's connection closed while " + message + " was read");
            }
            throw e;
        }
    }

    /** Whether the connection this poll reads over is still up (a failure on a dead one is not the message's). */
    public boolean connected() {
        return folder.isOpen();
    }

    /** To be moved to {@code target} when the poll ends: called only once the message's transaction has committed. */
    synchronized void fileIn(MailboxUid message, String target) {
        requireSameFolder(message);
        toFile.computeIfAbsent(target, t -> new LinkedHashSet<>()).add(message.uid());
    }

    /** The message just filed in left something new in the database (a ticket, a message, a quarantine row). */
    synchronized void noteSomethingNew() {
        somethingNew = true;
    }

    /**
     * Whether this poll committed anything new: the mailbox is being drained. Mail only
     * recognised as taken in before does not count, so a message the server will not move
     * (read, recognised, left in place again and again) cannot keep the intake polling
     * without a pause.
     */
    synchronized boolean madeProgress() {
        return somethingNew;
    }

    /**
     * Moves what the poll took in, then closes the folder. The folder is selected afresh
     * first and its UIDVALIDITY compared: where it changed (the folder was recreated), no
     * UID read under the old one is used, and every message is read again (recognised by
     * its SHA-256 and only filed then). A move the server refuses leaves the mail in the
     * inbox, to be read again and recognised the same way: nothing is lost either way.
     */
    synchronized void fileAway(FolderCreator folders) {
        if (closed) {
            return;
        }
        try {
            if (toFile.isEmpty()) {
                return;
            }
            reselect();
            long now = folder.getUIDValidity();
            if (now != uidValidity) {
                log.warn("UIDVALIDITY of {} changed from {} to {} during the poll (the folder was recreated):"
                        + " nothing moved; every message in it is read again and recognised by its SHA-256",
                        folder.getFullName(), uidValidity, now);
                return;
            }
            for (Map.Entry<String, Set<Long>> target : toFile.entrySet()) {
                folders.ensureExists(folder.getStore(), target.getKey());
                long[] uids = target.getValue().stream().mapToLong(Long::longValue).toArray();
                for (int from = 0; from < uids.length; from += UIDS_PER_COMMAND) {
                    move(Arrays.copyOfRange(uids, from, Math.min(uids.length, from + UIDS_PER_COMMAND)), target.getKey());
                }
            }
        } catch (MessagingException | RuntimeException e) {
            log.warn("Mail taken in this poll not moved ({}); it is read again, recognised and moved on a later poll",
                    e.toString());
        } finally {
            toFile.clear();
            close();
        }
    }

    private void move(long[] uids, String target) throws MessagingException {
        try {
            moveNow(uids, target);
        } catch (MessagingException batch) {
            if (!folder.isOpen()) {
                // the connection's failure, not the mail's: no message is blamed, all are read again next poll
                throw new FolderClosedException(folder, "the poll's connection closed while moving " + uids.length
                        + " message(s) to " + target + " (" + batch.getMessage() + ")");
            }
            if (uids.length == 1) {
                log.warn("Message UID {} stays in {}: the server will not move it to {} ({}); it is recognised"
                        + " as already received when read again", uids[0], folder.getFullName(), target, batch.getMessage());
                return;
            }
            log.warn("Moving {} message(s) to {} in one command failed ({}); moving them one by one",
                    uids.length, target, batch.getMessage());
            for (long uid : uids) {
                move(new long[] {uid}, target);
            }
        }
    }

    private void moveNow(long[] uids, String target) throws MessagingException {
        if (features.move()) {
            folder.doCommand(p -> {
                UidCommands.move(p, uids, target);
                return null;
            });
            return;
        }
        folder.doCommand(p -> {
            UidCommands.copy(p, uids, target);
            UidCommands.flagDeleted(p, uids);
            if (features.uidExpunge()) {
                UidCommands.expunge(p, uids);
            }
            return null;
        });
    }

    private void reselect() throws MessagingException {
        if (folder.isOpen()) {
            folder.close(false);
        }
        folder.open(Folder.READ_WRITE);
    }

    private void requireSameFolder(MailboxUid message) {
        if (message.uidValidity() != uidValidity || !message.folder().equals(folder.getFullName())) {
            throw new IllegalArgumentException(message + " was not read in this poll of " + folder.getFullName()
                    + " (UIDVALIDITY " + uidValidity + ")");
        }
    }

    /** Ends the poll without moving anything; safe to call again. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (folder.isOpen()) {
                // never CLOSE with expunge: a person's \Deleted flags are theirs to act on
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("Folder did not close cleanly: {}", e.toString());
        }
    }

    /** Creates a target folder the first time mail is filed there. */
    interface FolderCreator {
        void ensureExists(jakarta.mail.Store store, String name) throws MessagingException;
    }
}
