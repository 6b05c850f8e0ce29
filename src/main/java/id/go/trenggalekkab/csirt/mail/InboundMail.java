package id.go.trenggalekkab.csirt.mail;

import java.time.Instant;

/**
 * One message as it came out of the mailbox: the evidence ({@code raw}, hashed as read) and its reading.
 *
 * @param receivedAt       when the desk took it in: the receipt time of the SOP and of the ticket number
 * @param serverReceivedAt when the desk's own mail server took it (its Received: stamp), or null
 */
public record InboundMail(RawMessage raw, ParsedMail parsed, Instant receivedAt, Instant serverReceivedAt) {

    public String sha256() {
        return raw.sha256();
    }
}
