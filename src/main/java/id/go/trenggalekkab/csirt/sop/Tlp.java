package id.go.trenggalekkab.csirt.sop;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Traffic Light Protocol 2.0 labels: how far what the desk shares may go. A case is
 * AMBER until an officer says otherwise.
 */
public enum Tlp {
    CLEAR("CLEAR"),
    GREEN("GREEN"),
    AMBER("AMBER"),
    AMBER_STRICT("AMBER+STRICT"),
    RED("RED");

    public static final Tlp DEFAULT = AMBER;

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    /** "amber+strict", "TLP:RED", any case. */
    public static Optional<Tlp> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String label = text.trim().toUpperCase(Locale.ROOT).replaceFirst("^TLP:", "");
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    /** As stored: the label. */
    public static Tlp ofStored(String label) {
        return read(label).orElseThrow(() -> new IllegalArgumentException("not a TLP label: " + label));
    }

    /** "AMBER+STRICT", as written after "TLP:". */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
