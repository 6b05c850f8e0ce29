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
 */
public record MailDraft(
        String kind,
        String toAddress,
        String toName,
        String subject,
        String body,
        String inReplyTo,
        List<String> references,
        String autoSubmitted) {}
