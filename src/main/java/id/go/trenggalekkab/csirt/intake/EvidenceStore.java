package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.intake.thread.ThreadMatch;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.ParsedAttachment;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.SopGraph;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.SenderResolver;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP steps 2-3 for one message: the raw message exactly as received, with its SHA-256,
 * and each attachment with its own, stored on the thread it follows up, or on a new
 * ticket ({@code TTIS-YYYY-NNNNN}, numbered in the year of receipt in WIB, at the end of
 * the transaction) that it opens.
 */
@Component("evidenceStore")
public class EvidenceStore {

    private final InboundMessageRepository messages;
    private final TicketRepository tickets;
    private final Logbook logbook;
    private final SenderResolver senders;

    EvidenceStore(InboundMessageRepository messages, TicketRepository tickets, Logbook logbook, SenderResolver senders) {
        this.senders = senders;
        this.messages = messages;
        this.tickets = tickets;
        this.logbook = logbook;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StoredMail store(Arrival arrival) {
        if (arrival.thread().isPresent()) {
            ThreadMatch thread = arrival.thread().get();
            long rowId = insert(thread.ticketId(), MessageKind.FOLLOW_UP, arrival);
            logbook.record(thread.ticketId(), arrival.sender(), LogbookEvent.FOLLOW_UP_ADDED,
                    "matched by " + thread.matchedBy() + automaticNote(arrival));
            TicketNumber followed = tickets.numberOf(thread.ticketId());
            MessageLogContext.onTicket(followed.toString());
            return new StoredMail(arrival, thread.ticketId(), followed, rowId,
                    Optional.of(senders.resolve(thread.ticketId(), arrival.mail().parsed().fromAddress())));
        }
        ParsedMail parsed = arrival.mail().parsed();
        long ticketId = tickets.insert(new TicketRepository.NewTicket(
                arrival.automatic() ? CaseStep.AUTOMATIC : SopGraph.REPORT_ENTRY, parsed.fromName(),
                parsed.fromAddress(), parsed.subject(), arrival.mail().receivedAt(), arrival.automaticReason().orElse(null)));
        long rowId = insert(ticketId, MessageKind.REPORT, arrival);
        return new StoredMail(arrival, ticketId, null, rowId, Optional.empty());
    }

    private long insert(long ticketId, MessageKind kind, Arrival arrival) {
        InboundMail mail = arrival.mail();
        ParsedMail parsed = mail.parsed();
        long rowId = messages.insertInbound(new InboundMessageRepository.NewInboundMessage(
                ticketId, kind, parsed.messageId(), parsed.inReplyTo(), String.join(" ", parsed.references()),
                parsed.fromName(), parsed.fromAddress(), parsed.subject(), parsed.bodyText(), mail.receivedAt(),
                mail.serverReceivedAt(), arrival.automaticReason().orElse(null),
                parsed.warnings().isEmpty() ? null : String.join("\n", parsed.warnings()), mail.raw(), mail.sha256()));
        for (ParsedAttachment a : parsed.attachments()) {
            messages.insertAttachment(rowId, a.partPath(), a.filename(), a.contentType(), a.disposition(),
                    a.contentId(), a.content(), a.sha256());
        }
        logbook.record(ticketId, arrival.sender(), LogbookEvent.MESSAGE_RECEIVED,
                "Message-ID " + (parsed.messageId() == null ? "(none)" : parsed.messageId())
                        + ", " + mail.raw().size() + " bytes, SHA-256 " + mail.sha256()
                        + ", " + parsed.attachments().size() + " attachment(s)"
                        + (parsed.warnings().isEmpty() ? "" : ", " + parsed.warnings().size() + " parse warning(s)"));
        return rowId;
    }

    static String automaticNote(Arrival arrival) {
        return arrival.automaticReason().map(reason -> "; automatic mail (" + reason + ")").orElse("");
    }
}
