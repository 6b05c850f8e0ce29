package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.acknowledgement.Acknowledgements;
import id.go.trenggalekkab.csirt.intake.automatic.AutomaticMailDetector;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.ticket.MessageRepository;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.ticket.TicketRepository.Ticket;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.workflow.CaseMail;
import id.go.trenggalekkab.csirt.workflow.CaseStep;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP steps 1-3 for one message, in one transaction: the message and its evidence are
 * stored, a ticket is opened (its case entering step 4) or the message joins its
 * ticket's thread (where the workflow reads its commands), the logbook records it, and
 * the acknowledgement is queued. Either all of it commits or none.
 *
 * <p>The same bytes taken in twice are recognised by their SHA-256 and change nothing;
 * another copy of a known Message-ID (the same mail by another route) joins that
 * message's ticket as a follow-up, so nothing delivered is ever dropped.
 */
@Service
public class IntakeService {


    private final MessageRepository messages;
    private final TicketRepository tickets;
    private final AutomaticMailDetector automaticMail;
    private final Acknowledgements acknowledgements;
    private final Logbook logbook;
    private final CaseMail caseMail;
    private final OwnMailBounce ownMailBounce;

    public IntakeService(MessageRepository messages, TicketRepository tickets, AutomaticMailDetector automaticMail,
                         Acknowledgements acknowledgements, Logbook logbook, CaseMail caseMail,
                         OwnMailBounce ownMailBounce) {
        this.ownMailBounce = ownMailBounce;
        this.caseMail = caseMail;
        this.messages = messages;
        this.tickets = tickets;
        this.automaticMail = automaticMail;
        this.acknowledgements = acknowledgements;
        this.logbook = logbook;
    }

    @Transactional
    public IntakeOutcome ingest(InboundMail mail) {
        ParsedMail parsed = mail.parsed();
        messages.lockMessageKey("sha256:" + mail.sha256());
        if (parsed.messageId() != null) {
            messages.lockMessageKey("message-id:" + parsed.messageId());
        }
        Optional<Long> seen = messages.ticketOfInboundBySha(mail.sha256());
        if (seen.isPresent()) {
            logbook.record(seen.get(), Logbook.SYSTEM, "MESSAGE_DUPLICATE",
                    "same bytes received again (SHA-256 " + mail.sha256() + "); nothing changed");
            return new IntakeOutcome.AlreadyReceived(numberOf(seen.get()));
        }

        Optional<String> automatic = automaticMail.reason(mail);
        Optional<OwnMailBounce.Bounce> bounce = automatic.isPresent() ? ownMailBounce.read(mail) : Optional.empty();
        Existing existing = findExistingTicket(parsed, bounce);
        if (existing != null) {
            long rowId = store(existing.ticketId(), "FOLLOW_UP", mail, automatic);
            logbook.record(existing.ticketId(), actor(parsed), "FOLLOW_UP_ADDED",
                    "matched by " + existing.matchedBy() + automaticNote(automatic));
            caseMail.onFollowUp(existing.ticketId(), rowId, mail, automatic.isPresent());
            bounce.ifPresent(b -> caseMail.onBounce(existing.ticketId(), b.failed(), recipientsOf(b), b.status()));
            return new IntakeOutcome.FollowUpAdded(numberOf(existing.ticketId()), rowId, existing.matchedBy());
        }

        TicketNumber number = tickets.allocateNumber(Wib.yearOf(mail.receivedAt()));
        long ticketId = tickets.insert(new TicketRepository.NewTicket(
                number,
                (automatic.isPresent() ? CaseStep.AUTOMATIC : CaseStep.VERIFICATION).name(),
                parsed.fromName(),
                parsed.fromAddress(),
                parsed.subject(),
                mail.receivedAt(),
                automatic.orElse(null)));
        long rowId = store(ticketId, "REPORT", mail, automatic);
        logbook.record(ticketId, Logbook.SYSTEM, "TICKET_CREATED",
                number + " from " + (parsed.fromAddress() == null ? "an unknown sender" : parsed.fromAddress())
                        + automaticNote(automatic));
        caseMail.onNewTicket(ticketId, mail, automatic.isPresent());
        acknowledgements.acknowledge(ticketId, number, mail, automatic);
        return new IntakeOutcome.TicketCreated(number.toString(), rowId);
    }

    private Existing findExistingTicket(ParsedMail parsed, Optional<OwnMailBounce.Bounce> bounce) {
        if (parsed.messageId() != null) {
            Optional<Long> copy = messages.ticketOfInboundMessageId(parsed.messageId());
            if (copy.isPresent()) {
                return new Existing(copy.get(), "Message-ID " + parsed.messageId() + " (another copy of a known message)");
            }
        }
        for (TicketNumber tag : TicketNumber.tagsIn(parsed.subject())) {
            Optional<Ticket> ticket = tickets.findByNumber(tag.toString());
            if (ticket.isPresent()) {
                return new Existing(ticket.get().id(), "subject tag " + tag.tag());
            }
        }
        Optional<Long> thread = messages.ticketOfAnyMessageId(parsed.threadIds());
        if (thread.isPresent()) {
            return new Existing(thread.get(), "In-Reply-To/References");
        }
        if (bounce.isPresent()) {
            Optional<Long> bounced = messages.ticketOfAnyMessageId(bounce.get().deskMessageIds());
            if (bounced.isPresent()) {
                return new Existing(bounced.get(), "bounce of the desk's own mail " + bounce.get().deskMessageIds());
            }
        }
        return null;
    }

    /** The DSN's recipients, or else the recipients of the desk's mail it returns. */
    private List<String> recipientsOf(OwnMailBounce.Bounce bounce) {
        return bounce.recipients().isEmpty() ? messages.recipientsOf(bounce.deskMessageIds()) : bounce.recipients();
    }

    private long store(long ticketId, String kind, InboundMail mail, Optional<String> automatic) {
        ParsedMail parsed = mail.parsed();
        long rowId = messages.insertInbound(new MessageRepository.NewInboundMessage(
                ticketId, kind, parsed.messageId(), parsed.inReplyTo(), String.join(" ", parsed.references()),
                parsed.fromName(), parsed.fromAddress(), parsed.subject(), parsed.bodyText(), mail.receivedAt(),
                mail.serverReceivedAt(), automatic.orElse(null), parsed.warnings().isEmpty() ? null : String.join("\n", parsed.warnings()),
                mail.raw(), mail.sha256()));
        for (ParsedAttachment a : parsed.attachments()) {
            messages.insertAttachment(rowId, a.partPath(), a.filename(), a.contentType(), a.disposition(),
                    a.contentId(), a.content(), a.sha256());
        }
        logbook.record(ticketId, actor(parsed), "MESSAGE_RECEIVED",
                "Message-ID " + (parsed.messageId() == null ? "(none)" : parsed.messageId())
                        + ", " + mail.raw().size() + " bytes, SHA-256 " + mail.sha256()
                        + ", " + parsed.attachments().size() + " attachment(s)"
                        + (parsed.warnings().isEmpty() ? "" : ", " + parsed.warnings().size() + " parse warning(s)"));
        return rowId;
    }

    private String numberOf(long ticketId) {
        return tickets.numberOf(ticketId);
    }

    private static String actor(ParsedMail parsed) {
        return parsed.fromAddress() == null ? "unknown sender" : parsed.fromAddress();
    }

    private static String automaticNote(Optional<String> automatic) {
        return automatic.map(reason -> "; automatic mail (" + reason + ")").orElse("");
    }

    private record Existing(long ticketId, String matchedBy) {}
}
