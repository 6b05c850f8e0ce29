package id.go.trenggalekkab.csirt.sop;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A case's priority, set in step 5. Officers write it in Indonesian or English. */
public enum Priority {
    HIGH("tinggi"),
    MEDIUM("sedang"),
    LOW("rendah");

    private final String indonesian;

    Priority(String indonesian) {
        this.indonesian = indonesian;
    }

    /** "tinggi" or "high", any case. */
    public static Optional<Priority> read(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.indonesian.equals(w) || p.name().toLowerCase(Locale.ROOT).equals(w))
                .findFirst();
    }

    public static Priority ofStored(String name) {
        return name == null ? null : valueOf(name);
    }

    public String indonesian() {
        return indonesian;
    }
}
