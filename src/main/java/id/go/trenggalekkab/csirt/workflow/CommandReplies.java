package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.CommandWord;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every command mail is answered to its sender: each command applied or refused, and where the case now stands. */
@Component
class CommandReplies {

    private final Mailer mailer;

    CommandReplies(Mailer mailer) {
        this.mailer = mailer;
    }

    /** Template {@code command-reply}; {@code commands} is the list sent when #bantuan was applied. */
    record CommandReplyMail(CaseHeading ticket, String name, boolean allApplied, List<OutcomeLine> outcomes,
                            List<String> notAttempted, boolean help, List<String> commands) implements MailModel {

        @Override
        public String template() {
            return "command-reply";
        }

        public boolean hasNotAttempted() {
            return !notAttempted.isEmpty();
        }
    }

    record OutcomeLine(boolean applied, String command, String text) {}

    void answer(Person to, CaseWorkflow.Execution execution, String commandMessageId) {
        List<OutcomeLine> lines = execution.outcomes().stream()
                .map(o -> new OutcomeLine(o.applied(), o.command().toString(), o.text())).toList();
        boolean help = execution.outcomes().stream()
                .anyMatch(o -> o.applied() && o.command().word() == CommandWord.HELP);
        CommandReplyMail reply = new CommandReplyMail(CaseHeading.of(execution.after()), to.name(),
                execution.allApplied(), lines, execution.notAttempted().stream().map(Command::toString).toList(), help,
                everyCommand());
        mailer.queue(Letter.of(MessageKind.COMMAND_REPLY, reply, to.address(), to.name())
                .onCase(execution.after().id()).answering(commandMessageId));
    }

    private static List<String> everyCommand() {
        return Arrays.stream(CommandWord.values())
                .map(w -> w.spellings().stream().map(s -> "#" + s).collect(Collectors.joining(" / "))).toList();
    }
}
