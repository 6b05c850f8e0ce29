package id.go.trenggalekkab.csirt.outbound;

import id.go.trenggalekkab.csirt.sop.MessageKind;
import java.util.List;

/**
 * A mail to queue: its kind, its model (which names its template), its recipient, and
 * where it belongs. On a case ({@link #onCase}) it joins the case's thread; its subject
 * and body come from the template.
 *
 * @param ticketId   null for mail about no single case (the digest)
 * @param inReplyTo  null: the case's first message
 * @param references null: the case's thread
 */
public record Letter(MessageKind kind, MailModel model, String toAddress, String toName, Long ticketId,
                     String inReplyTo, List<String> references, List<MailDraft.Attachment> attachments,
                     List<MailDraft.InlineImage> images) {

    public static Letter of(MessageKind kind, MailModel model, String toAddress, String toName) {
        return new Letter(kind, model, toAddress, toName, null, null, null, List.of(), List.of());
    }

    public Letter onCase(long ticket) {
        return new Letter(kind, model, toAddress, toName, ticket, inReplyTo, references, attachments, images);
    }

    /** Answers this message (a command mail, a report) rather than the case's first one. */
    public Letter answering(String messageId) {
        return new Letter(kind, model, toAddress, toName, ticketId, messageId, references, attachments, images);
    }

    /** The thread's Message-IDs, oldest first, where they are not the case's own. */
    public Letter referencing(List<String> messageIds) {
        return new Letter(kind, model, toAddress, toName, ticketId, inReplyTo, messageIds, attachments, images);
    }

    public Letter attaching(List<MailDraft.Attachment> files) {
        return new Letter(kind, model, toAddress, toName, ticketId, inReplyTo, references, files, images);
    }

    public Letter showing(List<MailDraft.InlineImage> inlineImages) {
        return new Letter(kind, model, toAddress, toName, ticketId, inReplyTo, references, attachments, inlineImages);
    }
}
