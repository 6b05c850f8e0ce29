package id.go.trenggalekkab.csirt.sop;

import java.time.Duration;

/**
 * Where a case stands in the SOP: each value is the step the case is in, waiting for that
 * step's output. Steps 1-3 are the machine's own (intake); a report's case starts in
 * {@link #VERIFICATION}. The time standards are the SOP's own (mutu baku). Which step
 * leads to which, on whose word, is declared once, in {@link SopGraph}.
 */
public enum CaseStep {

    /** Automatic mail (bounces, auto-replies, bulk) kept apart until an officer promotes or dismisses it. */
    AUTOMATIC(0, null, null, "Pesan otomatis (belum menjadi kasus)"),
    VERIFICATION(4, Role.OFFICER, Duration.ofMinutes(20), "Verifikasi laporan"),
    CATEGORISATION(5, Role.OFFICER, Duration.ofMinutes(10), "Kategorisasi dan prioritas"),
    ANALYSIS(6, Role.OFFICER, Duration.ofDays(1), "Analisis dan evaluasi"),
    APH_HANDLING(7, Role.APH, Duration.ofDays(2), "Penanganan oleh APH"),
    APH_REPORT(8, Role.APH, Duration.ofDays(1), "Laporan hasil penanganan APH"),
    REPAIR(9, Role.TTIS, Duration.ofDays(1), "Perbaikan oleh TTIS"),
    RESOLUTION_ANALYSIS(10, Role.TTIS, Duration.ofDays(1), "Analisis penyelesaian"),
    LOGBOOK_UPDATE(11, Role.TTIS, Duration.ofMinutes(10), "Pemutakhiran logbook"),
    CLOSING(12, Role.OFFICER, Duration.ofDays(1), "Penutupan laporan"),
    CLOSED(0, null, null, "Selesai"),
    NOT_AN_INCIDENT(0, null, null, "Bukan insiden (selesai)"),
    DISMISSED(0, null, null, "Diabaikan (pesan otomatis)"),
    /** Another report of an incident a main case handles (#gabung): no clock of its own until #pisah. */
    MERGED(0, null, null, "Digabung ke kasus utama");

    private final int sopStep;
    private final Role actor;
    private final Duration timeStandard;
    private final String indonesianName;

    CaseStep(int sopStep, Role actor, Duration timeStandard, String indonesianName) {
        this.sopStep = sopStep;
        this.actor = actor;
        this.timeStandard = timeStandard;
        this.indonesianName = indonesianName;
    }

    /** Who acts in this step, as the SOP's actor column says (O, A, T); null for the desk's own steps. */
    public Role actor() {
        return actor;
    }

    /** A step with a time standard is one someone must act in; the others are ends or waiting rooms. */
    public boolean isOpen() {
        return timeStandard != null;
    }

    public boolean isFinished() {
        return this == CLOSED || this == NOT_AN_INCIDENT || this == DISMISSED;
    }

    /** The step's number in the SOP (4-12), or 0 for the desk's own waiting rooms and ends. */
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
