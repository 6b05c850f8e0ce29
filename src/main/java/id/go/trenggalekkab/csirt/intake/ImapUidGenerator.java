package id.go.trenggalekkab.csirt.intake;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;
import org.springframework.stereotype.Component;

/**
 * Names each polled message by its IMAP UID. camel-mail's default asks the server for the
 * Message-ID header or hashes the headers, which makes the server parse the message; a
 * server that cannot (broken headers) then stalls the whole inbox on one message. The UID
 * needs no parsing, and it is not used for deduplication: the intake does that by SHA-256.
 */
@Component("imapUidGenerator")
public class ImapUidGenerator implements MailUidGenerator {

    @Override
    public String generateUuid(MailEndpoint endpoint, Message message) {
        Folder folder = message.getFolder();
        if (folder instanceof UIDFolder uidFolder) {
            try {
                return folder.getFullName() + ":" + uidFolder.getUIDValidity() + ":" + uidFolder.getUID(message);
            } catch (MessagingException | RuntimeException e) {
                // fall through to the message number, which the consumer only uses as a label
            }
        }
        return "msgnum:" + message.getMessageNumber();
    }
}
