package id.go.trenggalekkab.csirt.outbound;

import id.go.trenggalekkab.csirt.mail.HeaderValues;
import id.go.trenggalekkab.csirt.mail.LoopHeader;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.Sha256;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link MailDraft} into the bytes the desk will send. Every message carries the
 * marks that keep mail loops from starting: Auto-Submitted (RFC 3834),
 * X-Auto-Response-Suppress (for Exchange) and the desk's {@link LoopHeader}.
 */
@Component
public class OutboundMailComposer {

    private final CsirtProperties properties;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public OutboundMailComposer(CsirtProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public ComposedMail compose(MailDraft draft) {
        String messageId = "<ttis." + UUID.randomUUID() + "@" + properties.deskDomain() + ">";
        String subject = HeaderValues.oneLine(draft.subject(), 250);
        try {
            FixedIdMimeMessage message = new FixedIdMimeMessage(session, messageId);
            message.setFrom(new InternetAddress(properties.deskAddress(), properties.deskName(), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, recipient(draft));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            if (HeaderValues.isSafeMessageId(draft.inReplyTo())) {
                message.setHeader("In-Reply-To", draft.inReplyTo());
            }
            String references = safeReferences(draft.references());
            if (!references.isEmpty()) {
                message.setHeader("References", MimeUtility.fold("References: ".length(), references));
            }
            message.setHeader("Auto-Submitted", draft.kind().autoSubmitted());
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setHeader(LoopHeader.NAME, properties.deskAddress());
            if (draft.html() != null) {
                message.setContent(alternative(draft));
            } else if (draft.attachments().isEmpty()) {
                message.setEncodedText(EncodedText.of(draft.body(), "plain"));
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                mixed.addBodyPart(EncodedText.of(draft.body(), "plain").part());
                for (MailDraft.Attachment a : draft.attachments()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new jakarta.activation.DataHandler(
                            new jakarta.mail.util.ByteArrayDataSource(a.content(), a.contentType())));
                    part.setFileName(MimeUtility.encodeText(HeaderValues.oneLine(a.filename(), 200), "UTF-8", null));
                    part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                    // base64 whatever the bytes: relays leave it alone, so the hash the body names still holds
                    part.setHeader("Content-Transfer-Encoding", "base64");
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            byte[] bytes = raw.toByteArray();
            return new ComposedMail(draft, messageId, subject, bytes, Sha256.hex(bytes));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not compose " + draft.kind() + " to " + draft.toAddress(), e);
        }
    }

    /** text/plain, then text/html with its inline images: clients show the richest they can. */
    private static MimeMultipart alternative(MailDraft draft) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(EncodedText.of(draft.body(), "plain").part());
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(EncodedText.of(draft.html(), "html").part());
        for (MailDraft.InlineImage image : draft.inlineImages()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource(image.content(), image.contentType())));
            part.setContentID("<" + image.contentId() + ">");
            part.setDisposition(jakarta.mail.Part.INLINE);
            related.addBodyPart(part);
        }
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        alternative.addBodyPart(relatedPart);
        return alternative;
    }

    private static InternetAddress recipient(MailDraft draft) throws UnsupportedEncodingException, MessagingException {
        InternetAddress address = new InternetAddress(draft.toAddress(), true);
        String name = HeaderValues.oneLine(draft.toName(), 120);
        return name.isEmpty() ? address : new InternetAddress(address.getAddress(), name, "UTF-8");
    }

    private static String safeReferences(List<String> references) {
        return references == null ? "" : references.stream()
                .filter(HeaderValues::isSafeMessageId)
                .distinct()
                .collect(Collectors.joining(" "));
    }

    /** Keeps the Message-ID the desk chose, which is stored before the mail is sent. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        /** The text as the message's whole content, encoded already: Jakarta Mail writes it as it is. */
        void setEncodedText(EncodedText text) throws MessagingException {
            setHeader("Content-Type", text.contentType());
            setHeader("Content-Transfer-Encoding", text.transferEncoding());
            content = text.encoded();
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
