package id.go.trenggalekkab.csirt.mail;

import java.time.Instant;
import java.util.List;

/**
 * What the desk understood of one inbound message. The raw bytes stay the evidence; this
 * is the reading of them, and {@link #warnings()} says where the reading had to guess.
 *
 * @param messageId   the Message-ID with its angle brackets, or null where there is none
 * @param fromAddress lowercased, or null where no address could be read
 * @param serverReceivedAt the date of the topmost Received: header, stamped by the last mail
 *                    server (the desk's own); not asked of the IMAP server, which must parse
 *                    the message to answer and may fail to on broken headers
 * @param links       the links of the HTML body, text and target, for the officers' danger signs
 */
public record ParsedMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        String fromName,
        String fromAddress,
        String subject,
        String bodyText,
        Instant sentAt,
        Instant serverReceivedAt,
        String contentType,
        MailHeaders headers,
        List<ParsedAttachment> attachments,
        List<HtmlLink> links,
        List<String> warnings) {

    /** The Message-IDs this message answers, nearest first. */
    public List<String> threadIds() {
        java.util.ArrayList<String> ids = new java.util.ArrayList<>();
        if (inReplyTo != null) {
            ids.add(inReplyTo);
        }
        for (int i = references.size() - 1; i >= 0; i--) {
            if (!ids.contains(references.get(i))) {
                ids.add(references.get(i));
            }
        }
        return ids;
    }

    /**
     * The thread as a reply to this message names it in References: this message's own
     * references, oldest first, then its Message-ID where it has one.
     */
    public List<String> threadEndingHere() {
        java.util.ArrayList<String> thread = new java.util.ArrayList<>(references);
        if (messageId != null) {
            thread.add(messageId);
        }
        return thread;
    }
}
