package id.go.trenggalekkab.csirt.acknowledgement;

import id.go.trenggalekkab.csirt.intake.InboundMail;
import id.go.trenggalekkab.csirt.intake.ParsedAttachment;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.outbound.MailDraft;
import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import id.go.trenggalekkab.csirt.outbound.Outbox;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    public static final String KIND = "ACKNOWLEDGEMENT";

    private final AcknowledgementPolicy policy;
    private final Outbox outbox;
    private final Logbook logbook;
    private final CsirtProperties properties;
    private final MailTemplates templates;

    public Acknowledgements(AcknowledgementPolicy policy, Outbox outbox, Logbook logbook, CsirtProperties properties,
                            MailTemplates templates) {
        this.policy = policy;
        this.outbox = outbox;
        this.logbook = logbook;
        this.properties = properties;
        this.templates = templates;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void acknowledge(long ticketId, TicketNumber number, InboundMail mail, Optional<String> automaticReason) {
        Optional<String> suppressed = policy.suppressionReason(mail, automaticReason);
        if (suppressed.isPresent()) {
            logbook.record(ticketId, Logbook.SYSTEM, KIND + "_SUPPRESSED", suppressed.get());
            return;
        }
        String originalSubject = mail.parsed().subject().isBlank() ? "(tanpa subjek)" : mail.parsed().subject();
        List<String> thread = new ArrayList<>(mail.parsed().references());
        if (mail.parsed().messageId() != null) {
            thread.add(mail.parsed().messageId());
        }
        outbox.enqueue(ticketId, new MailDraft(
                KIND,
                mail.parsed().fromAddress(),
                mail.parsed().fromName(),
                number.tag() + " Laporan diterima: " + originalSubject,
                templates.render("acknowledgement", model(number, mail)),
                mail.parsed().messageId(),
                thread,
                "auto-replied"));
    }

    private Map<String, Object> model(TicketNumber number, InboundMail mail) {
        String name = mail.parsed().fromName();
        List<Map<String, Object>> files = new ArrayList<>();
        for (ParsedAttachment a : mail.parsed().attachments()) {
            files.add(Map.of(
                    "name", a.filename() == null ? "(tanpa nama, " + a.contentType() + ")" : a.filename(),
                    "contentType", a.contentType(),
                    "size", a.size(),
                    "sha256", a.sha256()));
        }
        return Map.of(
                "reporter", name == null || name.isBlank() ? "Bapak/Ibu Pelapor" : name,
                "reporterEn", name == null || name.isBlank() ? "reporter" : name,
                "ticket", number.toString(),
                "tag", number.tag(),
                "receivedAt", Wib.human(mail.receivedAt()),
                "messageSize", mail.raw().size(),
                "messageSha256", mail.sha256(),
                "attachments", files,
                "hasAttachments", !files.isEmpty(),
                "deskName", properties.deskName());
    }

}
