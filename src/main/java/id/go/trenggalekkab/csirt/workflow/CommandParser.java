package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.sop.CommandWord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the commands of a subject, in order: {@code Re: [TTIS-2026-00042] #verifikasi
 * #prioritas tinggi #kategori intrusions}. A '#' starts a command only at the start of a
 * word, so "issue#3" or a URL fragment is not one. Unknown words are kept, to be refused
 * by name rather than ignored.
 */
public final class CommandParser {

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_/#&])#([\\p{L}\\p{N}][\\p{L}\\p{N}_+\\-]*)");
    private static final Pattern NEXT_WORD = Pattern.compile("\\G\\s+([^\\s#\\[\\]]+)");
    /** A value after an action word: may be written defanged, brackets and all ("evil[.]example"). */
    private static final Pattern VALUE_WORD = Pattern.compile("\\G\\s+([^\\s#]\\S*)");

    private CommandParser() {}

    public static List<Command> parse(String subject) {
        List<Command> commands = new ArrayList<>();
        if (subject == null) {
            return commands;
        }
        Matcher tag = HASHTAG.matcher(subject);
        int from = 0;
        while (tag.find(from)) {
            String written = "#" + tag.group(1);
            CommandWord word = CommandWord.spelled(tag.group(1)).orElse(null);
            String argument = null;
            from = tag.end();
            if (word != null && word.takesArgument()) {
                Matcher next = NEXT_WORD.matcher(subject);
                next.region(tag.end(), subject.length());
                if (next.lookingAt()) {
                    argument = next.group(1);
                    from = next.end();
                    if (word.takesTwoWords()) {
                        Matcher value = VALUE_WORD.matcher(subject);
                        value.region(from, subject.length());
                        if (value.lookingAt()) {
                            argument += " " + value.group(1);
                            from = value.end();
                        }
                    }
                }
            }
            commands.add(new Command(word, written, argument));
        }
        return commands;
    }
}
