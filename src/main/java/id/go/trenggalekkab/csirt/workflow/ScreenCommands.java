package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.sop.CommandWord;
import id.go.trenggalekkab.csirt.sop.SopGraph;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officers' commands from a screen: the same {@link CaseWorkflow}, the same SOP graph
 * and checks as a command by mail, the logbook saying "(web)". The person was proven by
 * their sign-in link, as a mail is by its DKIM signature. Offered are only the commands
 * the graph lets this person give in the case's step.
 */
@Service
public class ScreenCommands {

    /** Not for a screen: the screen shows the status, and help is the page itself. */
    private static final Set<CommandWord> NOT_OFFERED = Set.of(CommandWord.STATUS, CommandWord.HELP);

    /** A command on offer: how it is written, and what its argument looks like where it takes one. */
    public record Offered(String written, boolean takesArgument, String exampleArgument) {}

    private final CaseWorkflow workflow;

    ScreenCommands(CaseWorkflow workflow) {
        this.workflow = workflow;
    }

    public List<Offered> offered(Person person, Ticket ticket) {
        return Arrays.stream(CommandWord.values())
                .filter(word -> !NOT_OFFERED.contains(word))
                .filter(word -> permitted(SopGraph.decide(person.roles(), ticket.step(), word)))
                .map(word -> new Offered(word.indonesian(), word.takesArgument(),
                        word.example().substring(word.indonesian().length()).strip()))
                .toList();
    }

    private static boolean permitted(SopGraph.Decision decision) {
        return decision instanceof SopGraph.Moves || decision instanceof SopGraph.ActsInPlace;
    }

    /**
     * Gives one command, written as in a subject ("#kategori defacement"); anything else
     * in the text, a second hashtag included, is refused rather than guessed at.
     */
    @Transactional
    public CaseWorkflow.Execution give(Person person, Ticket ticket, String command, String argument, String note) {
        String written = (command == null ? "" : command.strip()) + (argument == null || argument.isBlank() ? "" : " " + argument.strip());
        List<Command> commands = CommandParser.parse(written);
        if (commands.size() != 1 || !written.startsWith("#")) {
            Command unreadable = new Command(null, written, null);
            return new CaseWorkflow.Execution(List.of(CommandOutcome.refused(unreadable, OutcomeText.UNKNOWN_COMMAND)),
                    List.of(), ticket);
        }
        return workflow.execute(ticket.id(), person, commands, note == null ? "" : note.strip(), "web");
    }
}
