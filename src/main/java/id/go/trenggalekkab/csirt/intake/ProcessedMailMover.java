package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.system.CsirtProperties;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
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
    private final List<Message> committed = new ArrayList<>();
    private volatile boolean processedFolderExists;

    public ProcessedMailMover(CsirtProperties properties) {
        this.processedFolder = properties.imap().processedFolder();
    }

    /** Called once the message's ticket (or its recognition as a duplicate) has committed. */
    public synchronized void committed(Message message) {
        committed.add(message);
    }

    @Override
    public synchronized void process(Folder folder) {
        List<Message> batch = new ArrayList<>();
        for (Message m : committed) {
            // messages of an earlier poll whose folder has since closed are read again instead
            if (m.getFolder() == folder && !m.isExpunged()) {
                batch.add(m);
            }
        }
        committed.clear();
        if (batch.isEmpty()) {
            return;
        }
        try {
            Folder target = processedFolder(folder);
            move(folder, batch.toArray(Message[]::new), target);
        } catch (MessagingException e) {
            // the folder may have been removed meanwhile: look again
            processedFolderExists = false;
            log.warn("Moving {} processed message(s) to {} in one command failed ({}); moving them one by one",
                    batch.size(), processedFolder, e.getMessage());
            for (Message m : batch) {
                try {
                    move(folder, new Message[] {m}, processedFolder(folder));
                } catch (MessagingException single) {
                    log.warn("Message {} stays in the inbox: the server will not move it ({}); it is recognised"
                            + " as already received when read again", m.getMessageNumber(), single.getMessage());
                }
            }
        }
    }

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
