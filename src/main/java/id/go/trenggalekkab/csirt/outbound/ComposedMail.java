package id.go.trenggalekkab.csirt.outbound;

/** A draft turned into the exact bytes that will go over SMTP, with the Message-ID they carry. */
public record ComposedMail(MailDraft draft, String messageId, String subject, byte[] raw, String sha256) {}
