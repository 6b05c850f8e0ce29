package id.go.trenggalekkab.csirt.outbound;

import java.util.List;

/**
 * A message the desk is about to send. Every text field may hold reporter input: the
 * composer, not the caller, makes it safe for a header.
 *
 * @param kind          what the mail is for, e.g. ACKNOWLEDGEMENT; logbook events are named after it
 * @param inReplyTo     the Message-ID answered, or null
 * @param references    the thread's Message-IDs, oldest first
 * @param autoSubmitted RFC 3834 value: "auto-replied" for answers, "auto-generated" otherwise
 * @param attachments   files to attach; the body is then the first part of a multipart/mixed
 * @param html          an HTML version of the body, or null; the plain text stays the first alternative
 * @param inlineImages  images the HTML shows (multipart/related)
 */
public record MailDraft(
        String kind,
        String toAddress,
        String toName,
        String subject,
        String body,
        String inReplyTo,
        List<String> references,
        String autoSubmitted,
        List<Attachment> attachments,
        String html,
        List<InlineImage> inlineImages) {

    public MailDraft(String kind, String toAddress, String toName, String subject, String body, String inReplyTo,
                     List<String> references, String autoSubmitted) {
        this(kind, toAddress, toName, subject, body, inReplyTo, references, autoSubmitted, List.of());
    }

    public MailDraft(String kind, String toAddress, String toName, String subject, String body, String inReplyTo,
                     List<String> references, String autoSubmitted, List<Attachment> attachments) {
        this(kind, toAddress, toName, subject, body, inReplyTo, references, autoSubmitted, attachments, null, List.of());
    }

    /** An image shown inside the HTML part, referenced there as {@code cid:<contentId>}. */
    public record InlineImage(String contentId, String contentType, byte[] content) {}

    /** A file sent with the mail, e.g. evidence handed to TTIS or APH, or the final report. */
    public record Attachment(String filename, String contentType, byte[] content) {}
}
