package id.go.trenggalekkab.csirt.workflow;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;

/**
 * The wording of what becomes of a command, applied or refused. The words live in
 * {@code templates/command-outcomes.properties}, beside the mail templates; each constant
 * says how many values it takes, and a text that lacks one of them, or the file that lacks
 * a constant, stops the desk at start rather than answering an officer with a blank.
 */
enum OutcomeText {
    UNKNOWN_COMMAND(0),
    NOT_PERMITTED(1),
    NOT_IN_THIS_STEP(1),
    MISSING_ARGUMENT(1),
    EMPTY_NOTE(0),
    NO_REASON(0),
    NO_CONTACT(1),
    UNKNOWN_CATEGORY(3),
    UNKNOWN_PRIORITY(0),
    UNKNOWN_TLP(0),
    NOT_AN_OFFICER(1),
    NOTE_SAVED(1),
    STATUS_SENT(0),
    HELP_SENT(0),
    MOVED(1),
    CATEGORISED(1),
    PRIORITISED(1),
    CATEGORISATION_COMPLETE(1),
    LABELLED(1),
    INDICATOR_ADDED(1),
    INDICATOR_REMOVED(1),
    INDICATOR_ALREADY_THERE(1),
    INDICATOR_NOT_ON_CASE(1),
    NOT_AN_INDICATOR(1),
    INDICATOR_ACTION(0),
    SHARE_QUEUED(1),
    NOT_SHARED_WITH_MISP(1),
    REPORTED_UPWARD(1),
    NO_UPWARD_RECIPIENT(0),
    UPWARD_DRAFT_SENT(1),
    ASSIGNED(2),
    REPORTER_NOT_TOLD(1),
    NOT_A_HANDLER(1),
    CASE_FILE_SENT(2),
    EMPTY_MESSAGE(0),
    NO_REPORTER(0),
    SENT_TO_REPORTER(1),
    ASKED_REPORTER(1),
    NO_SUCH_CASE(1),
    MERGE_INTO_ITSELF(0),
    NOT_A_MAIN_CASE(2),
    ALREADY_A_MAIN_CASE(1),
    MERGED_INTO(1),
    SPLIT_OFF(2),
    DESK_COMMAND_ON_A_CASE(0);

    static final String FILE = "templates/command-outcomes.properties";
    private static final Map<OutcomeText, String> TEXTS = load();

    private final int values;

    OutcomeText(int values) {
        this.values = values;
    }

    String format(Object... args) {
        if (args.length != values) {
            throw new IllegalArgumentException(this + " takes " + values + " value(s), got " + args.length);
        }
        String text = TEXTS.get(this);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    private static Map<OutcomeText, String> load() {
        Properties texts = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8)) {
            texts.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + FILE, e);
        }
        Map<OutcomeText, String> loaded = new EnumMap<>(OutcomeText.class);
        for (OutcomeText t : values()) {
            String text = texts.getProperty(t.name());
            if (text == null) {
                throw new IllegalStateException(FILE + " has no text for " + t);
            }
            for (int i = 0; i <= t.values; i++) {
                if (text.contains("{" + i + "}") != (i < t.values)) {
                    throw new IllegalStateException(FILE + ": " + t + " must use exactly {0}.." + (t.values - 1));
                }
            }
            loaded.put(t, text);
        }
        return loaded;
    }
}
