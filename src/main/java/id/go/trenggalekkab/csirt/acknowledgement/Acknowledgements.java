package id.go.trenggalekkab.csirt.acknowledgement;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.MailStage;
import id.go.trenggalekkab.csirt.mail.HeaderValues;
import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.ParsedAttachment;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sla.SlaPolicy;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.EchoedText;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP step 3's last act: the reporter learns the ticket number, what happens next and
 * with what time standards, and the hashes of the evidence the desk now holds. The mail
 * is queued in the ticket's own transaction; the outbox sends it.
 */
@Component
public class Acknowledgements {

    private final AcknowledgementPolicy policy;
    private final Mailer mailer;
    private final Logbook logbook;
    private final SlaPolicy sla;

    Acknowledgements(AcknowledgementPolicy policy, Mailer mailer, Logbook logbook, SlaPolicy sla) {
        this.policy = policy;
        this.mailer = mailer;
        this.logbook = logbook;
        this.sla = sla;
    }

    /** The most of a reporter's subject an acknowledgement echoes, defanged, in its own subject. */
    static final int MAX_SUBJECT_ECHO = 80;

    /** The most attachments an acknowledgement lists one by one; the rest are counted. */
    static final int MAX_LISTED_ATTACHMENTS = 20;

    /**
     * Template {@code acknowledgement}. It names nobody: whatever a sender writes as their
     * name goes nowhere, and of their subject only a short, defanged line comes back.
     *
     * @param subject        null where the report has none
     * @param moreAttachments how many attachments beyond those listed
     */
    record AcknowledgementMail(String ticket, String tag, String subject, String receivedAt, long messageSize,
                               String messageSha256, List<AttachmentLine> attachments, int moreAttachments,
                               TimeStandards standards) implements MailModel {

        @Override
        public String template() {
            return "acknowledgement";
        }

        public boolean hasAttachments() {
            return !attachments.isEmpty();
        }

        public boolean hasMoreAttachments() {
            return moreAttachments > 0;
        }
    }

    /** Steps 4-6's time standards in words, as configured (csirt.sla.time-standards), never as the template says. */
    record TimeStandards(String verification, String categorisation, String analysis) {}

    /** @param filename null where the part has none */
    record AttachmentLine(String filename, String contentType, long size, String sha256) {}

    /**
     * Whether the reporter may be acknowledged ({@link AcknowledgementPolicy}), decided before
     * the ticket is numbered: from the number to the commit every other new report waits.
     *
     * @param suppressedBecause empty where the acknowledgement goes
     */
    public record Decision(Optional<String> suppressedBecause) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public Decision decide(InboundMail mail, Optional<String> automaticReason) {
        return new Decision(policy.suppressionReason(mail, automaticReason));
    }

    /** @param decision {@link #decide}, in the same transaction */
    @Transactional(propagation = Propagation.MANDATORY)
    public void acknowledge(long ticketId, TicketNumber number, InboundMail mail, Decision decision) {
        if (decision.suppressedBecause().isPresent()) {
            logbook.recordMail(ticketId, MessageKind.ACKNOWLEDGEMENT, MailStage.SUPPRESSED,
                    decision.suppressedBecause().get());
            return;
        }
        ParsedMail parsed = mail.parsed();
        mailer.queue(Letter.of(MessageKind.ACKNOWLEDGEMENT, model(number, mail, standards()), parsed.fromAddress(), null)
                .onCase(ticketId).answering(parsed.messageId()).referencing(parsed.threadEndingHere()));
    }

    private TimeStandards standards() {
        return new TimeStandards(sla.timeStandardInWords(CaseStep.VERIFICATION),
                sla.timeStandardInWords(CaseStep.CATEGORISATION), sla.timeStandardInWords(CaseStep.ANALYSIS));
    }

    private static AcknowledgementMail model(TicketNumber number, InboundMail mail, TimeStandards standards) {
        ParsedMail parsed = mail.parsed();
        List<AttachmentLine> files = new ArrayList<>();
        for (ParsedAttachment a : parsed.attachments().subList(0, Math.min(MAX_LISTED_ATTACHMENTS,
                parsed.attachments().size()))) {
            files.add(new AttachmentLine(a.filename(), a.contentType(), a.size(), a.sha256()));
        }
        return new AcknowledgementMail(number.toString(), number.tag(), shortEcho(parsed.subject()),
                Wib.human(mail.receivedAt()), mail.raw().size(), mail.sha256(), files,
                parsed.attachments().size() - files.size(), standards);
    }

    /** One line of at most {@link #MAX_SUBJECT_ECHO} characters, with no command word and no ticket tag; null for none. */
    static String shortEcho(String subject) {
        String line = HeaderValues.oneLine(subject, MAX_SUBJECT_ECHO);
        return line.isBlank() ? null : EchoedText.defang(line);
    }
}
