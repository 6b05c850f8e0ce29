package id.go.trenggalekkab.csirt.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words officers, TTIS and APH write in a subject, after '#': Indonesian first, with
 * English aliases. {@link #takesArgument()} words read the next word of the subject.
 */
public enum CommandWord {
    VERIFY(false, "verifikasi", "verify", "insiden", "incident"),
    NOT_AN_INCIDENT(false, "bukan-insiden", "not-incident", "not-an-incident"),
    CATEGORY(true, "kategori", "category"),
    PRIORITY(true, "prioritas", "priority"),
    ASSIGN(true, "tugaskan", "assign"),
    TO_APH(false, "aph", "police"),
    TO_TTIS(false, "ttis"),
    APH_REPORT(false, "laporan-aph", "aph-report"),
    REPAIRED(false, "perbaikan", "repaired", "repair"),
    RESOLUTION_ANALYSIS(false, "analisis", "analysis"),
    LOGBOOK_UPDATED(false, "logbook"),
    CLOSE(false, "selesai", "close", "done"),
    REOPEN(false, "buka-kembali", "reopen"),
    PROMOTE(false, "jadikan-kasus", "promote"),
    DISMISS(false, "abaikan", "dismiss"),
    TLP(true, "tlp"),
    NOTE(false, "catatan", "note"),
    STATUS(false, "status"),
    HELP(false, "bantuan", "help");

    private static final Map<String, CommandWord> BY_WORD = new HashMap<>();

    static {
        for (CommandWord w : values()) {
            for (String spelling : w.spellings) {
                BY_WORD.put(spelling, w);
            }
        }
    }

    private final boolean takesArgument;
    private final List<String> spellings;

    CommandWord(boolean takesArgument, String... spellings) {
        this.takesArgument = takesArgument;
        this.spellings = List.of(spellings);
    }

    public static Optional<CommandWord> spelled(String word) {
        return Optional.ofNullable(BY_WORD.get(word.toLowerCase(Locale.ROOT)));
    }

    public boolean takesArgument() {
        return takesArgument;
    }

    /** How it is written in Indonesian, e.g. "#verifikasi". */
    public String indonesian() {
        return "#" + spellings.get(0);
    }

    public List<String> spellings() {
        return spellings;
    }
}
