package id.go.trenggalekkab.csirt.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;

/**
 * A message read back from the bytes the desk stored, sent exactly as stored: saving
 * changes is a no-op, so neither the Message-ID nor the encoding is rewritten on the way out.
 */
final class StoredMimeMessage extends MimeMessage {

    StoredMimeMessage(Session session, byte[] raw) throws MessagingException {
        super(session, new ByteArrayInputStream(raw));
    }

    @Override
    public void saveChanges() {
        // the stored bytes are the record of what was sent; nothing may change them
    }
}
