package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.system.CsirtProperties;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailBoxPostProcessAction;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves the messages a poll has taken in to the Processed folder, all in one IMAP MOVE
 * (RFC 6851) at the end of the poll, where camel-mail would spend four round trips on each
 * (STORE \Seen, LIST, COPY, STORE \Deleted). Only messages whose transaction committed are
 * moved; a desk that dies before the move reads them again and recognises them by their
 * SHA-256, so the wider window changes nothing but speed.
 *
 * <p>A batch the server refuses is moved one message at a time, so a message the server
 * cannot move stays in the inbox alone (read again, recognised, logged) and the others go.
 */
@Component("processedMailMover")
public class ProcessedMailMover implements MailBoxPostProcessAction {

    private static final Logger log = LoggerFactory.getLogger(ProcessedMailMover.class);

    private final String processedFolder;
    private final List<Committed> committed = new ArrayList<>();
    private volatile boolean processedFolderExists;

    public ProcessedMailMover(CsirtProperties properties) {
        this.processedFolder = properties.imap().processedFolder();
    }

    /**
     * The mailbox-intake route's last stage, reached only once the message's transaction
     * has committed. Called once the message's ticket (or its recognition as a duplicate) has committed.
     * It is remembered by UID, which names the same message in every session, unlike the
     * message object, whose number means another message once the folder is reopened.
     */
    public void afterCommit(Exchange exchange) {
        committed(MailboxReader.mailboxMessage(exchange));
    }

    synchronized void committed(Message message) {
        try {
            if (message.getFolder() instanceof IMAPFolder imap) {
                committed.add(new Committed(imap.getUIDValidity(), imap.getUID(message)));
            }
        } catch (MessagingException e) {
            // not moved now: read again on the next poll, recognised, and moved then
            log.debug("UID of a committed message unknown: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void process(Folder folder) {
        List<Committed> batch = List.copyOf(committed);
        committed.clear();
        if (batch.isEmpty() || !(folder instanceof IMAPFolder imap)) {
            return;
        }
        Message[] messages;
        try {
            long validity = imap.getUIDValidity();
            long[] uids = batch.stream().filter(c -> c.uidValidity() == validity).mapToLong(Committed::uid).toArray();
            // null where a message has left the inbox already
            messages = java.util.Arrays.stream(imap.getMessagesByUID(uids)).filter(m -> m != null).toArray(Message[]::new);
        } catch (MessagingException e) {
            log.warn("Processed messages not moved this poll ({}); they are read again and recognised", e.getMessage());
            return;
        }
        if (messages.length == 0) {
            return;
        }
        try {
            move(folder, messages, processedFolder(folder));
        } catch (MessagingException e) {
            // the folder may have been removed meanwhile: look again
            processedFolderExists = false;
            log.warn("Moving {} processed message(s) to {} in one command failed ({}); moving them one by one",
                    messages.length, processedFolder, e.getMessage());
            for (Message m : messages) {
                try {
                    move(folder, new Message[] {m}, processedFolder(folder));
                } catch (MessagingException single) {
                    log.warn("Message {} stays in the inbox: the server will not move it ({}); it is recognised"
                            + " as already received when read again", m.getMessageNumber(), single.getMessage());
                }
            }
        }
    }

    private record Committed(long uidValidity, long uid) {}

    private Folder processedFolder(Folder folder) throws MessagingException {
        Folder target = folder.getStore().getFolder(processedFolder);
        if (!processedFolderExists) {
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            processedFolderExists = true;
        }
        return target;
    }

    private static void move(Folder folder, Message[] messages, Folder target) throws MessagingException {
        if (folder instanceof IMAPFolder imap && folder.getStore() instanceof IMAPStore store && store.hasCapability("MOVE")) {
            imap.moveMessages(messages, target);
            return;
        }
        folder.copyMessages(messages, target);
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
    }
}
