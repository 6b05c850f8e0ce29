package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.directory.Role;
import id.go.trenggalekkab.csirt.intake.InboundMail;
import id.go.trenggalekkab.csirt.intake.ParsedMail;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where intake hands a ticket's mail to the workflow, in the intake's transaction.
 *
 * <p>A new report opens its case in step 4 and records its participants. A follow-up is
 * read in the order Request Tracker's gateway uses: who sent it (the directory), may they
 * (authenticated by the desk's mail server, with a role that allows the command; fails
 * closed), then the commands, one handler each. Machines never command; people outside
 * the directory never command (their hashtags are text); a stranger's mail on a case is
 * kept, flagged and reported to the officers, and changes nothing.
 */
@Service
public class CaseMail {

    private static final Logger log = LoggerFactory.getLogger(CaseMail.class);

    private final CaseRepository cases;
    private final CaseWorkflow workflow;
    private final CaseNotifications notifications;
    private final Directory directory;
    private final Logbook logbook;
    private final Clock clock;
    private final SenderAuthentication authentication;
    private final boolean requireAuthentication;
    private final String deskAddress;

    public CaseMail(CaseRepository cases, CaseWorkflow workflow, CaseNotifications notifications, Directory directory,
                    Logbook logbook, Clock clock, CsirtProperties properties,
                    @Value("${csirt.commands.authserv-id}") String authservId,
                    @Value("${csirt.commands.require-authentication}") boolean requireAuthentication) {
        this.cases = cases;
        this.workflow = workflow;
        this.notifications = notifications;
        this.directory = directory;
        this.logbook = logbook;
        this.clock = clock;
        this.authentication = new SenderAuthentication(authservId);
        this.requireAuthentication = requireAuthentication;
        this.deskAddress = properties.deskAddress();
        if (!requireAuthentication) {
            log.warn("Commands are obeyed WITHOUT sender authentication (csirt.commands.require-authentication=false):"
                    + " anyone who can forge an officer's From can drive a case. Acceptable only on the embedded default.");
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onNewTicket(long ticketId, InboundMail mail, boolean automatic) {
        ParsedMail parsed = mail.parsed();
        if (parsed.fromAddress() != null) {
            cases.addParticipant(ticketId, parsed.fromAddress(), "REPORTER");
        }
        for (String header : List.of("To", "Cc")) {
            for (String address : addresses(parsed.headers().all(header))) {
                if (!address.equalsIgnoreCase(deskAddress)) {
                    cases.addParticipant(ticketId, address, "COPIED");
                }
            }
        }
        if (!automatic) {
            cases.enter(ticketId, CaseStep.VERIFICATION, mail.receivedAt(), Logbook.SYSTEM, null);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onFollowUp(long ticketId, long messageRowId, InboundMail mail, boolean automatic) {
        if (automatic) {
            return;
        }
        ParsedMail parsed = mail.parsed();
        String sender = parsed.fromAddress();
        Optional<Person> person = directory.find(sender);
        List<Command> commands = CommandParser.parse(parsed.subject());
        // TTIS and APH belong to a case once it is handed to them; the desk's own people always
        if (person.isPresent() && !belongsToEveryCase(person.get()) && !cases.isParticipant(ticketId, sender)) {
            person = Optional.empty();
        }
        if (person.isEmpty()) {
            if (sender == null || !cases.isParticipant(ticketId, sender)) {
                cases.flagNonParticipant(messageRowId);
                logbook.record(ticketId, sender == null ? "unknown sender" : sender, "NON_PARTICIPANT_MESSAGE",
                        "kept on the case, no effect" + (commands.isEmpty() ? "" : "; commands ignored: " + commands));
                notifications.alertOfficers(cases.lock(ticketId), "pesan dari pihak di luar kasus",
                        String.valueOf(sender), "subjek: " + parsed.subject());
            }
            return;
        }
        boolean handlerReply = commands.isEmpty() && person.get().has(Role.APH)
                && cases.lock(ticketId).step() == CaseStep.APH_HANDLING;
        if (commands.isEmpty() && !handlerReply) {
            if (person.get().has(Role.TTIS) || person.get().has(Role.APH)) {
                logbook.record(ticketId, sender, "HANDLER_REPORT", ReplyText.strip(parsed.bodyText()));
            }
            return;
        }
        SenderAuthentication.Verdict verdict = authentication.check(parsed);
        if (requireAuthentication && !verdict.authenticated()) {
            logbook.record(ticketId, sender, "SECURITY_EVENT",
                    "unauthenticated command mail, not executed (" + verdict.reason() + "): " + commands);
            notifications.alertOfficers(cases.lock(ticketId), "perintah tanpa autentikasi ditolak", sender,
                    verdict.reason() + "; perintah: " + commands);
            return;
        }
        String note = ReplyText.strip(parsed.bodyText());
        if (handlerReply) {
            // APH's first answer on the thread is their confirmation: step 7 is done
            cases.enter(ticketId, CaseStep.APH_REPORT, clock.instant(), sender, note);
            logbook.record(ticketId, sender, "HANDLER_REPORT", "APH confirmation: " + note);
            return;
        }
        CaseWorkflow.Execution execution = workflow.execute(ticketId, person.get(), commands, note);
        notifications.commandReply(person.get(), execution.after(), execution, parsed.messageId());
    }

    /** A bounce of the desk's own mail: a failure marks the recipient undeliverable on this case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onBounce(long ticketId, boolean failed, List<String> recipients, String status) {
        for (String recipient : recipients) {
            if (failed) {
                cases.markUndeliverable(ticketId, recipient, clock.instant(), "DSN status " + status);
            }
            logbook.record(ticketId, Logbook.SYSTEM, failed ? "RECIPIENT_UNDELIVERABLE" : "DELIVERY_DELAYED",
                    recipient + (status == null ? "" : " (status " + status + ")"));
        }
    }

    private static boolean belongsToEveryCase(Person person) {
        return person.isDeskStaff() || person.has(Role.KADIS);
    }

    private static List<String> addresses(List<String> headerValues) {
        List<String> found = new java.util.ArrayList<>();
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
