package id.go.trenggalekkab.csirt.sop;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts people play at the desk. The directory file may name them in Indonesian or
 * English. The sectoral and national CSIRTs are recipients of the report upward (BSSN
 * regulation 1/2024, art. 15), nothing more: they act on no case and see none.
 */
public enum Role {
    OFFICER, SUPERVISOR, TTIS, APH, KADIS,
    /** The sector's CSIRT, to which the report upward goes. */
    SECTORAL_CSIRT,
    /** The national CSIRT (BSSN), copied on the report upward. */
    NATIONAL_CSIRT;

    private static final Map<String, Role> NAMES = Map.ofEntries(
            Map.entry("petugas", OFFICER), Map.entry("officer", OFFICER),
            Map.entry("kabid", SUPERVISOR), Map.entry("kasi", SUPERVISOR), Map.entry("supervisor", SUPERVISOR),
            Map.entry("ttis", TTIS),
            Map.entry("aph", APH), Map.entry("police", APH),
            Map.entry("kadis", KADIS),
            Map.entry("csirt-sektoral", SECTORAL_CSIRT), Map.entry("sectoral-csirt", SECTORAL_CSIRT),
            Map.entry("csirt-nasional", NATIONAL_CSIRT), Map.entry("national-csirt", NATIONAL_CSIRT));

    public static Optional<Role> named(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(NAMES.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** Officers and supervisors: the desk's own staff. */
    public boolean isDeskStaff() {
        return this == OFFICER || this == SUPERVISOR;
    }

    /** Whether the role is someone's at the desk at all; the CSIRTs upward only receive the report. */
    public boolean actsOnCases() {
        return this != SECTORAL_CSIRT && this != NATIONAL_CSIRT;
    }
}
