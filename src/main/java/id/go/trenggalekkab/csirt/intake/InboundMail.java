package id.go.trenggalekkab.csirt.intake;

import java.time.Instant;

/**
 * One message as it came out of the mailbox: the evidence ({@code raw}, hashed) and its reading.
 *
 * @param receivedAt when the mail server took it (IMAP INTERNALDATE), else when the desk read it
 */
public record InboundMail(byte[] raw, String sha256, ParsedMail parsed, Instant receivedAt) {}
