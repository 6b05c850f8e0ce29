package id.go.trenggalekkab.csirt.workflow;

/** What became of one command: applied, with what it did, or refused, with the reason. */
public record CommandOutcome(Command command, boolean applied, String text) {

    static CommandOutcome applied(Command command, String text) {
        return new CommandOutcome(command, true, text);
    }

    static CommandOutcome refused(Command command, String reason) {
        return new CommandOutcome(command, false, reason);
    }
}
