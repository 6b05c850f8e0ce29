package id.go.trenggalekkab.csirt.oversight;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.intake.Arrival;
import id.go.trenggalekkab.csirt.intake.QuarantineReplay;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.workflow.CommandProperties;
import id.go.trenggalekkab.csirt.workflow.SenderAuthentication;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands to the desk itself rather than to a case: {@code #ulang-karantina <number>}
 * takes a quarantined message in again (as {@code POST /api/quarantine/{id}/replay} does).
 * Only a supervisor may, only authenticated as a case command is, and only in a mail that
 * names no case; anything else is mail like any other and goes through the intake.
 */
@Component("deskCommands")
public class DeskCommands {

    private static final Pattern REPLAY = Pattern.compile(
            "(?<![\\p{L}\\p{N}_/#&])#(?:ulang-karantina|replay-quarantine)(?:\\s+#?(\\S+))?", Pattern.CASE_INSENSITIVE);

    private final Directory directory;
    private final QuarantineReplay quarantine;
    private final Mailer mailer;
    private final Logbook logbook;
    private final TransactionTemplate transaction;
    private final SenderAuthentication authentication;
    private final boolean requireAuthentication;

    DeskCommands(Directory directory, QuarantineReplay quarantine, Mailer mailer, Logbook logbook,
                 TransactionTemplate transaction, CommandProperties commands) {
        this.directory = directory;
        this.quarantine = quarantine;
        this.mailer = mailer;
        this.logbook = logbook;
        this.transaction = transaction;
        this.authentication = new SenderAuthentication(commands);
        this.requireAuthentication = commands.requireAuthentication();
    }

    /** Template {@code desk-command-reply}: each replay and what became of it. */
    record DeskCommandReply(String name, List<String> outcomes) implements MailModel {

        @Override
        public String template() {
            return "desk-command-reply";
        }
    }

    /** A supervisor's mail that names no case and carries a desk command. */
    public boolean isDeskCommand(Arrival arrival) {
        ParsedMail parsed = arrival.mail().parsed();
        return !arrival.automatic() && parsed.subject() != null && REPLAY.matcher(parsed.subject()).find()
                && TicketNumber.tagsIn(parsed.subject()).isEmpty() && supervisor(parsed).isPresent();
    }

    /**
     * Carries the commands out, each replay in its own transactions (a replay that fails
     * again must not undo the others), and answers the supervisor. Unauthenticated, nothing
     * is done and nothing answered: a security event, as for a case command.
     */
    public String obey(Arrival arrival) {
        ParsedMail parsed = arrival.mail().parsed();
        Person supervisor = supervisor(parsed).orElseThrow();
        SenderAuthentication.Verdict verdict = authentication.check(parsed);
        if (requireAuthentication && !verdict.authenticated()) {
            transaction.executeWithoutResult(tx -> logbook.record(null, supervisor.address(), LogbookEvent.SECURITY_EVENT,
                    "unauthenticated desk command, not executed (" + verdict.reason() + "): " + parsed.subject()));
            return "desk command refused: unauthenticated";
        }
        List<String> outcomes = new ArrayList<>();
        Matcher m = REPLAY.matcher(parsed.subject());
        while (m.find()) {
            outcomes.add(replay(m.group(1), supervisor));
        }
        transaction.executeWithoutResult(tx -> mailer.queue(Letter.of(MessageKind.COMMAND_REPLY,
                new DeskCommandReply(supervisor.name(), outcomes), supervisor.address(), supervisor.name())
                .answering(parsed.messageId())));
        return "desk command from " + supervisor.address() + ": " + outcomes;
    }

    private String replay(String argument, Person supervisor) {
        long id;
        try {
            id = Long.parseLong(argument == null ? "" : argument);
        } catch (NumberFormatException notANumber) {
            return "#ulang-karantina " + (argument == null ? "" : argument)
                    + ": DITOLAK - tulis nomor pesan karantina, misalnya #ulang-karantina 12";
        }
        try {
            QuarantineReplay.Replay replay = quarantine.replay(id, supervisor.address());
            return "#ulang-karantina " + id + ": " + (replay.succeeded() ? "diterapkan" : "GAGAL") + " - " + replay.outcome();
        } catch (NoSuchElementException missing) {
            return "#ulang-karantina " + id + ": DITOLAK - tidak ada pesan karantina nomor " + id;
        }
    }

    private Optional<Person> supervisor(ParsedMail parsed) {
        return directory.find(parsed.fromAddress()).filter(p -> p.has(Role.SUPERVISOR));
    }
}
