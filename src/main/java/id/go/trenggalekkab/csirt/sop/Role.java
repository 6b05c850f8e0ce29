package id.go.trenggalekkab.csirt.sop;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The parts people play at the desk. The directory file may name them in Indonesian or English. */
public enum Role {
    OFFICER, SUPERVISOR, TTIS, APH, KADIS;

    private static final Map<String, Role> NAMES = Map.of(
            "petugas", OFFICER, "officer", OFFICER,
            "kabid", SUPERVISOR, "kasi", SUPERVISOR, "supervisor", SUPERVISOR,
            "ttis", TTIS,
            "aph", APH, "police", APH,
            "kadis", KADIS);

    public static Optional<Role> named(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(NAMES.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** Officers and supervisors: the desk's own staff. */
    public boolean isDeskStaff() {
        return this == OFFICER || this == SUPERVISOR;
    }
}
