package id.go.trenggalekkab.csirt.workflow;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a case stands in the SOP: each value is the step the case is in, waiting for that
 * step's output. Steps 1-3 are the machine's own (intake); a case starts in
 * {@link #VERIFICATION}. Only the SOP's transitions are allowed ({@link #canMoveTo}).
 * The time standards are the SOP's own (mutu baku).
 */
public enum CaseStep {

    /** Automatic mail (bounces, auto-replies, bulk) kept apart until an officer promotes or dismisses it. */
    AUTOMATIC(0, null, "Pesan otomatis (belum menjadi kasus)"),
    VERIFICATION(4, Duration.ofMinutes(20), "Verifikasi laporan"),
    CATEGORISATION(5, Duration.ofMinutes(10), "Kategorisasi dan prioritas"),
    ANALYSIS(6, Duration.ofDays(1), "Analisis dan evaluasi"),
    APH_HANDLING(7, Duration.ofDays(2), "Penanganan oleh APH"),
    APH_REPORT(8, Duration.ofDays(1), "Laporan hasil penanganan APH"),
    REPAIR(9, Duration.ofDays(1), "Perbaikan oleh TTIS"),
    RESOLUTION_ANALYSIS(10, Duration.ofDays(1), "Analisis penyelesaian"),
    LOGBOOK_UPDATE(11, Duration.ofMinutes(10), "Pemutakhiran logbook"),
    CLOSING(12, Duration.ofDays(1), "Penutupan laporan"),
    CLOSED(0, null, "Selesai"),
    NOT_AN_INCIDENT(0, null, "Bukan insiden (selesai)"),
    DISMISSED(0, null, "Diabaikan (pesan otomatis)");

    private static final Map<CaseStep, Set<CaseStep>> NEXT = Map.ofEntries(
            Map.entry(AUTOMATIC, EnumSet.of(VERIFICATION, DISMISSED)),
            Map.entry(VERIFICATION, EnumSet.of(CATEGORISATION, NOT_AN_INCIDENT)),
            Map.entry(CATEGORISATION, EnumSet.of(ANALYSIS)),
            Map.entry(ANALYSIS, EnumSet.of(APH_HANDLING, REPAIR)),
            Map.entry(APH_HANDLING, EnumSet.of(APH_REPORT)),
            Map.entry(APH_REPORT, EnumSet.of(REPAIR)),
            Map.entry(REPAIR, EnumSet.of(RESOLUTION_ANALYSIS)),
            Map.entry(RESOLUTION_ANALYSIS, EnumSet.of(LOGBOOK_UPDATE)),
            Map.entry(LOGBOOK_UPDATE, EnumSet.of(CLOSING)),
            Map.entry(CLOSING, EnumSet.of(CLOSED)),
            Map.entry(CLOSED, EnumSet.of(VERIFICATION)),
            Map.entry(NOT_AN_INCIDENT, EnumSet.of(VERIFICATION)),
            Map.entry(DISMISSED, EnumSet.of(VERIFICATION)));

    private final int sopStep;
    private final Duration timeStandard;
    private final String indonesianName;

    CaseStep(int sopStep, Duration timeStandard, String indonesianName) {
        this.sopStep = sopStep;
        this.timeStandard = timeStandard;
        this.indonesianName = indonesianName;
    }

    /** What completes this step, for reminders and replies. */
    public String nextAction() {
        return switch (this) {
            case AUTOMATIC -> "#jadikan-kasus atau #abaikan";
            case VERIFICATION -> "#verifikasi atau #bukan-insiden (dengan alasan)";
            case CATEGORISATION -> "#kategori dan #prioritas";
            case ANALYSIS -> "#aph atau #ttis (dengan analisis dan rekomendasi)";
            case APH_HANDLING -> "konfirmasi dari APH (balasan pada utas kasus)";
            case APH_REPORT -> "#laporan-aph";
            case REPAIR -> "#perbaikan";
            case RESOLUTION_ANALYSIS -> "#analisis";
            case LOGBOOK_UPDATE -> "#logbook";
            case CLOSING -> "#selesai";
            default -> "-";
        };
    }

    /** The steps this one may lead to, in the SOP's order. */
    public Set<CaseStep> nextSteps() {
        return NEXT.getOrDefault(this, Set.of());
    }

    public boolean canMoveTo(CaseStep next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** A step with a time standard is one someone must act in; the others are ends or waiting rooms. */
    public boolean isOpen() {
        return timeStandard != null;
    }

    public boolean isFinished() {
        return this == CLOSED || this == NOT_AN_INCIDENT || this == DISMISSED;
    }

    public int sopStep() {
        return sopStep;
    }

    public Duration timeStandard() {
        return timeStandard;
    }

    /** A stored status for people; a status that is not a step (an older one) is shown as stored. */
    public static String describe(String status) {
        try {
            return valueOf(status).describe();
        } catch (IllegalArgumentException | NullPointerException notAStep) {
            return status;
        }
    }

    /** For people: "langkah 4: Verifikasi laporan". */
    public String describe() {
        return sopStep > 0 ? "langkah " + sopStep + ": " + indonesianName : indonesianName;
    }
}
