package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.mail.ReplyText;
import id.go.trenggalekkab.csirt.sop.SopEvent;
import id.go.trenggalekkab.csirt.sop.SopGraph;
import id.go.trenggalekkab.csirt.sop.Transition;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.ticket.EchoedText;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the intake hands a case's mail to the workflow, in the intake's transaction.
 *
 * <p>A new report opens its case in step 4 and records its participants. A follow-up is
 * read in the order Request Tracker's gateway uses: who sent it ({@link SenderResolver}),
 * may they (authenticated by the desk's mail server, with a role that allows the command;
 * fails closed), then the commands. Machines never command; participants outside the
 * directory never command (their hashtags are text); a stranger's mail on a case is kept,
 * flagged and reported to the officers, and changes nothing.
 */
@Service
public class CaseIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

    private final TicketRepository tickets;
    private final CaseRepository cases;
    private final CaseWorkflow workflow;
    private final CommandReplies replies;
    private final OfficerAlerts alerts;
    private final ReporterWaits waits;
    private final Logbook logbook;
    private final Clock clock;
    private final SenderAuthentication authentication;
    private final boolean requireAuthentication;
    private final String deskAddress;

    CaseIntake(TicketRepository tickets, CaseRepository cases, CaseWorkflow workflow,
               CommandReplies replies, OfficerAlerts alerts, ReporterWaits waits, Logbook logbook, Clock clock, CsirtProperties properties,
               CommandProperties commands) {
        this.tickets = tickets;
        this.cases = cases;
        this.workflow = workflow;
        this.replies = replies;
        this.alerts = alerts;
        this.waits = waits;
        this.logbook = logbook;
        this.clock = clock;
        this.authentication = new SenderAuthentication(commands);
        this.requireAuthentication = commands.requireAuthentication();
        this.deskAddress = properties.deskAddress();
        if (!requireAuthentication) {
            log.warn("Commands are obeyed WITHOUT sender authentication (csirt.commands.require-authentication=false):"
                    + " anyone who can forge an officer's From can drive a case. Acceptable only on the embedded default.");
        }
    }

    /** A new ticket: its reporter and those copied become participants; a report's clock starts. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void openCase(long ticketId, InboundMail mail, boolean automatic) {
        ParsedMail parsed = mail.parsed();
        if (parsed.fromAddress() != null) {
            cases.addParticipant(ticketId, parsed.fromAddress(), ParticipantRole.REPORTER);
        }
        for (String header : List.of("To", "Cc")) {
            for (String address : addresses(parsed.headers().all(header))) {
                if (!address.equalsIgnoreCase(deskAddress)) {
                    cases.addParticipant(ticketId, address, ParticipantRole.COPIED);
                }
            }
        }
        if (!automatic) {
            cases.open(ticketId, mail.receivedAt());
        }
    }

    /**
     * A person's mail on an existing case: its commands, its report, or a stranger's words
     * kept apart.
     *
     * @param sender who wrote it, as {@link SenderResolver} said when it was stored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void readFollowUp(long ticketId, long messageRowId, InboundMail mail, boolean automatic, Sender sender) {
        ParsedMail parsed = mail.parsed();
        // only the sender's own words command: the reporter's subject, echoed or quoted, never does
        List<Command> commands = CommandParser.parse(
                EchoedText.withoutEcho(parsed.subject(), tickets.get(ticketId).subject()));
        if (sender.standing() == Sender.Standing.STRANGER) {
            cases.flagNonParticipant(messageRowId);
            logbook.record(ticketId, sender.actor(), LogbookEvent.NON_PARTICIPANT_MESSAGE,
                    "kept on the case, no effect" + (automatic ? "; automatic mail" : "")
                            + (commands.isEmpty() ? "" : "; commands ignored: " + commands));
            if (!automatic) {
                // a robot's mail is never worth an officer's attention on its own; a person's is, within a cap
                alerts.stranger(tickets.lock(ticketId), String.valueOf(sender.address()), parsed.subject());
            }
            return;
        }
        if (automatic) {
            return;
        }
        if (sender.standing() == Sender.Standing.PARTICIPANT) {
            endWaitOnTheReporter(ticketId, messageRowId, sender);
            return;
        }
        obey(ticketId, sender, commands, parsed);
    }

    /** The reporter's mail is the answer an officer's question waited for, whatever it says. */
    private void endWaitOnTheReporter(long ticketId, long messageRowId, Sender sender) {
        if (!sender.address().equalsIgnoreCase(String.valueOf(tickets.get(ticketId).reporterAddress()))) {
            return;
        }
        waits.end(ticketId, messageRowId, clock.instant()).ifPresent(waited -> logbook.record(ticketId, sender.actor(),
                LogbookEvent.REPORTER_ANSWERED, "answered after " + waited.toMinutes() + " min"));
    }

    private void obey(long ticketId, Sender sender, List<Command> commands, ParsedMail parsed) {
        Ticket ticket = tickets.lock(ticketId);
        Optional<Transition> confirmation = commands.isEmpty()
                ? SopGraph.transition(ticket.step(), SopEvent.APH_CONFIRMATION)
                        .filter(t -> t.permits(sender.person().orElseThrow().roles()))
                : Optional.empty();
        SenderAuthentication.Verdict verdict = authentication.check(parsed);
        if (commands.isEmpty() && confirmation.isEmpty()) {
            if (sender.isHandlerTeam()) {
                // their report goes into the record only as believed as a command would be
                boolean believed = verdict.authenticated() || !requireAuthentication;
                logbook.record(ticketId, sender.actor(), believed ? LogbookEvent.HANDLER_REPORT
                        : LogbookEvent.HANDLER_REPORT_UNAUTHENTICATED, (believed ? "" : "(" + verdict.reason() + ") ")
                        + ReplyText.strip(parsed.bodyText()));
            }
            return;
        }
        if (requireAuthentication && !verdict.authenticated()) {
            logbook.record(ticketId, sender.actor(), LogbookEvent.SECURITY_EVENT,
                    "unauthenticated command mail, not executed (" + verdict.reason() + "): " + commands);
            alerts.unauthenticatedCommand(ticket, sender.actor(), verdict.reason(), commands.toString());
            return;
        }
        String note = ReplyText.strip(parsed.bodyText());
        if (confirmation.isPresent()) {
            workflow.follow(ticket, confirmation.get(), sender.actor(), note);
            logbook.record(ticketId, sender.actor(), LogbookEvent.APH_CONFIRMED, note);
            return;
        }
        CaseWorkflow.Execution execution = workflow.execute(ticketId, sender.person().orElseThrow(), commands, note);
        replies.answer(sender.person().orElseThrow(), execution, parsed.messageId());
    }

    /**
     * A bounce of mail the desk sent: a failure marks the recipient undeliverable where they
     * are a participant of this case. A bounce makes nobody a participant.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordBounce(long ticketId, boolean failed, List<String> recipients, String status) {
        for (String recipient : recipients) {
            if (failed) {
                cases.markUndeliverable(ticketId, recipient, clock.instant(), "DSN status " + status);
            }
            logbook.record(ticketId, Logbook.SYSTEM, failed ? LogbookEvent.RECIPIENT_UNDELIVERABLE
                    : LogbookEvent.DELIVERY_DELAYED, recipient + (status == null ? "" : " (status " + status + ")"));
        }
    }

    private static List<String> addresses(List<String> headerValues) {
        List<String> found = new ArrayList<>();
        for (String value : headerValues) {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                    if (a.getAddress() != null && a.getAddress().contains("@")) {
                        found.add(a.getAddress().toLowerCase(Locale.ROOT));
                    }
                }
            } catch (AddressException unreadable) {
                // a broken To or Cc names no participant; the raw message keeps it
            }
        }
        return found;
    }
}
