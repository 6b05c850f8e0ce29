package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.intake.automatic.OwnMailBounce;
import id.go.trenggalekkab.csirt.intake.thread.ThreadMatch;
import id.go.trenggalekkab.csirt.mail.InboundMail;
import java.util.Optional;

/**
 * One message on its way through the intake's stages (routes/take-in.camel.yaml), each
 * adding what it found: whether a machine sent it, whether these very bytes were taken in
 * before, and which case's thread it belongs to.
 *
 * @param automaticReason why it is automatic mail, never answered (RFC 3834); empty for a person's mail
 * @param bounce          what it says of the desk's own mail, where it is a delivery report about it
 * @param copyOf          the ticket that already holds these exact bytes
 * @param thread          the case it follows up, where it is not a new report
 */
public record Arrival(InboundMail mail, Optional<String> automaticReason, Optional<OwnMailBounce.Bounce> bounce,
                      Optional<Long> copyOf, Optional<ThreadMatch> thread) {

    public static Arrival of(InboundMail mail, Optional<String> automaticReason, Optional<OwnMailBounce.Bounce> bounce) {
        return new Arrival(mail, automaticReason, bounce, Optional.empty(), Optional.empty());
    }

    public boolean automatic() {
        return automaticReason.isPresent();
    }

    public boolean alreadyReceived() {
        return copyOf.isPresent();
    }

    Arrival copyOf(long ticketId) {
        return new Arrival(mail, automaticReason, bounce, Optional.of(ticketId), thread);
    }

    public Arrival following(Optional<ThreadMatch> match) {
        return new Arrival(mail, automaticReason, bounce, copyOf, match);
    }

    /** For the logbook: the sender's address, or what stands for a sender without one. */
    String sender() {
        return mail.parsed().fromAddress() == null ? "unknown sender" : mail.parsed().fromAddress();
    }
}
