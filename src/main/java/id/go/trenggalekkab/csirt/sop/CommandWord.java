package id.go.trenggalekkab.csirt.sop;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words officers, TTIS and APH write in a subject, after '#': Indonesian first, with
 * English aliases. {@link #takesArgument()} words read the next word of the subject.
 */
public enum CommandWord implements Trigger {
    VERIFY(null, "verifikasi", "verify", "insiden", "incident"),
    NOT_AN_INCIDENT(null, "bukan-insiden", "not-incident", "not-an-incident"),
    CATEGORY("intrusions", "kategori", "category"),
    PRIORITY("tinggi", "prioritas", "priority"),
    ASSIGN("petugas@trenggalekkab.go.id", "tugaskan", "assign"),
    TO_APH(null, "aph", "police"),
    TO_TTIS(null, "ttis"),
    APH_REPORT(null, "laporan-aph", "aph-report"),
    REPAIRED(null, "perbaikan", "repaired", "repair"),
    RESOLUTION_ANALYSIS(null, "analisis", "analysis"),
    LOGBOOK_UPDATED(null, "logbook"),
    CLOSE(null, "selesai", "close", "done"),
    REOPEN(null, "buka-kembali", "reopen"),
    PROMOTE(null, "jadikan-kasus", "promote"),
    DISMISS(null, "abaikan", "dismiss"),
    TLP("amber", "tlp"),
    SEND_CASE_FILE("ttis@trenggalekkab.go.id", "kirim-berkas", "send-case-file"),
    NOTE(null, "catatan", "note"),
    REPLY(null, "balas", "reply"),
    ASK(null, "tanya", "ask"),
    MERGE("TTIS-2026-00042", "gabung", "merge"),
    SPLIT(null, "pisah", "split"),
    /** "#ioc tambah 45.13.227.9", "#ioc hapus evil[.]example": two words, the action and the indicator. */
    INDICATOR("tambah 45.13.227.9", "ioc", "indikator", "indicator"),
    /** The case as an event to the team's MISP instance (never a TLP:RED or AMBER+STRICT one). */
    SHARE(null, "bagikan", "share"),
    /** The report upward (BSSN regulation 1/2024, art. 15) to the sectoral CSIRT, copying the national one. */
    REPORT_UPWARD(null, "lapor-bssn", "report-bssn"),
    /** The report upward as it would go now, mailed to the officer who asks, to review. */
    DRAFT_UPWARD(null, "draf-bssn", "draft-bssn"),
    STATUS(null, "status"),
    HELP(null, "bantuan", "help");

    private static final Map<String, CommandWord> BY_WORD = new HashMap<>();

    static {
        for (CommandWord w : values()) {
            for (String spelling : w.spellings) {
                BY_WORD.put(spelling, w);
            }
        }
    }

    private final String exampleArgument;
    private final List<String> spellings;

    /** @param exampleArgument null for a word that takes no argument */
    CommandWord(String exampleArgument, String... spellings) {
        this.exampleArgument = exampleArgument;
        this.spellings = List.of(spellings);
    }

    public static Optional<CommandWord> spelled(String word) {
        return Optional.ofNullable(BY_WORD.get(word.toLowerCase(Locale.ROOT)));
    }

    public boolean takesArgument() {
        return exampleArgument != null;
    }

    /** Whether the argument is two words (an action and a value, which may be written defanged). */
    public boolean takesTwoWords() {
        return this == INDICATOR;
    }

    /** The command as officers would write it: "#prioritas tinggi". */
    public String example() {
        return indonesian() + (exampleArgument == null ? "" : " " + exampleArgument);
    }

    /** How it is written in Indonesian, e.g. "#verifikasi". */
    public String indonesian() {
        return "#" + spellings.get(0);
    }

    @Override
    public String forPeople() {
        return indonesian();
    }

    public List<String> spellings() {
        return spellings;
    }
}
