package id.go.trenggalekkab.csirt.outbound;

import id.go.trenggalekkab.csirt.sop.MessageKind;
import java.util.List;

/**
 * A message the desk is about to send, its wording already rendered. Every text field may
 * hold reporter input: the composer, not the caller, makes it safe for a header.
 *
 * @param kind          what the mail is for; its logbook events and its Auto-Submitted value follow from it
 * @param inReplyTo     the Message-ID answered, or null
 * @param references    the thread's Message-IDs, oldest first
 * @param attachments   files to attach; the body is then the first part of a multipart/mixed
 * @param html          an HTML version of the body, or null; the plain text stays the first alternative
 * @param inlineImages  images the HTML shows (multipart/related)
 */
public record MailDraft(
        MessageKind kind,
        String toAddress,
        String toName,
        String subject,
        String body,
        String inReplyTo,
        List<String> references,
        List<Attachment> attachments,
        String html,
        List<InlineImage> inlineImages) {

    public MailDraft(MessageKind kind, String toAddress, String toName, String subject, String body, String inReplyTo,
                     List<String> references) {
        this(kind, toAddress, toName, subject, body, inReplyTo, references, List.of(), null, List.of());
    }

    /** An image shown inside the HTML part, referenced there as {@code cid:<contentId>}. */
    public record InlineImage(String contentId, String contentType, byte[] content) {}

    /** A file sent with the mail, e.g. evidence handed to TTIS or APH, or the final report. */
    public record Attachment(String filename, String contentType, byte[] content) {}
}
