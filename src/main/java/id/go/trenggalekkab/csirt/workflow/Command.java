package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.sop.CommandWord;

/**
 * One command as written in a subject.
 *
 * @param word     null where the word is not a known command ({@link #written} says what was written)
 * @param argument the word after it, for commands that take one; null where missing
 */
public record Command(CommandWord word, String written, String argument) {

    public boolean isKnown() {
        return word != null;
    }

    @Override
    public String toString() {
        return written + (argument == null ? "" : " " + argument);
    }
}
