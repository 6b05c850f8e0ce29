package id.go.trenggalekkab.csirt.intake;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Names each polled message by its IMAP UID. camel-mail's default asks the server for the
 * Message-ID header or hashes the headers, which makes the server parse the message; a
 * server that cannot (broken headers) then stalls the whole inbox on one message. The UID
 * needs no parsing, and it is not used for deduplication: the intake does that by SHA-256.
 *
 * <p>camel-mail asks for the name of each message in turn, and then for its flags: two
 * round trips per message. The first question about a message fetches UID and flags for
 * it and the messages after it in one command.
 */
@Component("imapUidGenerator")
public class ImapUidGenerator implements MailUidGenerator {

    private static final Logger log = LoggerFactory.getLogger(ImapUidGenerator.class);
    private static final int PREFETCH = 500;

    private final Set<Message> prefetched = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public String generateUuid(MailEndpoint endpoint, Message message) {
        Folder folder = message.getFolder();
        if (folder instanceof UIDFolder uidFolder) {
            try {
                prefetchFrom(folder, message);
                return folder.getFullName() + ":" + uidFolder.getUIDValidity() + ":" + uidFolder.getUID(message);
            } catch (MessagingException | RuntimeException e) {
                // fall through to the message number, which the consumer only uses as a label
            }
        }
        return "msgnum:" + message.getMessageNumber();
    }

    private void prefetchFrom(Folder folder, Message message) {
        if (prefetched.contains(message)) {
            return;
        }
        try {
            int last = Math.min(folder.getMessageCount(), message.getMessageNumber() + PREFETCH - 1);
            Message[] window = folder.getMessages(message.getMessageNumber(), last);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.FLAGS);
            folder.fetch(window, profile);
            Collections.addAll(prefetched, window);
        } catch (MessagingException | RuntimeException e) {
            // each message is then asked about on its own, as camel-mail would
            log.debug("UID prefetch failed: {}", e.getMessage());
            prefetched.add(message);
        }
    }
}
