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
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every command mail is answered to its sender: each command applied or refused, and where the case now stands. */
@Component
class CommandReplies {

    private final Mailer mailer;
    private final CaseStatus status;

    CommandReplies(Mailer mailer, CaseStatus status) {
        this.mailer = mailer;
        this.status = status;
    }

    /** Template {@code command-reply}; {@code commands} is the list sent when #bantuan was applied. */
    record CommandReplyMail(CaseHeading ticket, String name, boolean allApplied, List<OutcomeLine> outcomes,
                            List<String> notAttempted, String toReporter, CaseStatus.Section status, boolean help,
                            List<String> commands) implements MailModel {

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
        boolean help = asked(execution, CommandWord.HELP);
        CommandReplyMail reply = new CommandReplyMail(CaseHeading.of(execution.after()), to.name(),
                execution.allApplied(), lines, execution.notAttempted().stream().map(Command::toString).toList(),
                toReporter(execution), asked(execution, CommandWord.STATUS) ? status.of(execution.after(), to) : null,
                help, everyCommand());
        mailer.queue(Letter.of(MessageKind.COMMAND_REPLY, reply, to.address(), to.name())
                .onCase(execution.after().id()).answering(commandMessageId));
    }

    /**
     * What of the officer's mail reached the reporter, said every time: an officer must never
     * have to guess whether their words left the desk.
     */
    static String toReporter(CaseWorkflow.Execution execution) {
        String reporter = execution.after().reporterAddress();
        Set<CommandWord> applied = execution.outcomes().stream().filter(CommandOutcome::applied)
                .map(o -> o.command().word()).collect(Collectors.toSet());
        if (applied.contains(CommandWord.REPLY) || applied.contains(CommandWord.ASK)) {
            return "isi email Anda (tanpa kutipan dan tanda tangan) DIKIRIM kepada pelapor " + reporter + ".";
        }
        if (applied.contains(CommandWord.NOT_AN_INCIDENT)) {
            return "isi email Anda DIKIRIM kepada pelapor " + reporter + " sebagai alasan bukan insiden.";
        }
        String notice = applied.contains(CommandWord.VERIFY) ? "pemberitahuan standar bahwa laporan diverifikasi"
                : applied.contains(CommandWord.CLOSE) ? "pemberitahuan standar bahwa kasus selesai"
                : applied.contains(CommandWord.MERGE) ? "pemberitahuan standar bahwa laporannya digabung ke kasus utama"
                : null;
        return (notice == null ? "tidak ada yang dikirim kepada pelapor" : "pelapor menerima " + notice
                + ", tanpa isi email Anda") + "; isi email Anda hanya tersimpan di logbook"
                + " (untuk menulis kepada pelapor: #balas, atau #tanya untuk bertanya).";
    }

    private static boolean asked(CaseWorkflow.Execution execution, CommandWord word) {
        return execution.outcomes().stream().anyMatch(o -> o.applied() && o.command().word() == word);
    }

    private static List<String> everyCommand() {
        return Arrays.stream(CommandWord.values())
                .map(w -> w.spellings().stream().map(s -> "#" + s).collect(Collectors.joining(" / "))).toList();
    }
}
