package id.go.trenggalekkab.csirt.intake;

import java.time.Instant;
import java.util.List;

/**
 * What the desk understood of one inbound message. The raw bytes stay the evidence; this
 * is the reading of them, and {@link #warnings()} says where the reading had to guess.
 *
 * @param messageId   the Message-ID with its angle brackets, or null where there is none
 * @param fromAddress lowercased, or null where no address could be read
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
        String contentType,
        MailHeaders headers,
        List<ParsedAttachment> attachments,
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
}
