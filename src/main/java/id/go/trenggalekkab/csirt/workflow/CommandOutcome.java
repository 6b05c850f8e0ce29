package id.go.trenggalekkab.csirt.workflow;

/** What became of one command: applied, with what it did, or refused, with the reason. */
public record CommandOutcome(Command command, boolean applied, String text) {

    static CommandOutcome applied(Command command, OutcomeText text, Object... values) {
        return new CommandOutcome(command, true, text.format(values));
    }

    static CommandOutcome refused(Command command, OutcomeText text, Object... values) {
        return new CommandOutcome(command, false, text.format(values));
    }

    CommandOutcome followedBy(String more) {
        return new CommandOutcome(command, applied, text + more);
    }
}
