package id.go.trenggalekkab.csirt.workflow;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Categories: the 11 top-level classes of the Reference Security Incident Taxonomy
 * (ENISA / eCSIRT.net, as used by CSIRTs and IntelMQ), with the locally common incident
 * types as sub-types. An officer writes {@code intrusions}, {@code fraud/phishing}, or
 * only the local type ({@code judi-online}), which names its class.
 */
public final class Taxonomy {

    public static final List<String> CLASSES = List.of(
            "abusive-content", "malicious-code", "information-gathering", "intrusion-attempts", "intrusions",
            "availability", "information-content-security", "fraud", "vulnerable", "other", "test");

    /** Local types of Kabupaten Trenggalek's incidents, and the class each belongs to. */
    public static final Map<String, String> LOCAL_TYPES = Map.of(
            "defacement", "information-content-security",
            "judi-online", "information-content-security",
            "kebocoran-data", "information-content-security",
            "data-leak", "information-content-security",
            "phishing", "fraud",
            "ransomware", "malicious-code",
            "malware", "malicious-code",
            "ddos", "availability");

    private Taxonomy() {}

    /** [class, sub-type or null], or empty where the text names neither. */
    public static Optional<String[]> read(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("[/:]", 2);
        String first = parts[0];
        String sub = parts.length > 1 && !parts[1].isBlank() ? parts[1] : null;
        if (CLASSES.contains(first)) {
            return Optional.of(new String[] {first, sub});
        }
        if (sub == null && LOCAL_TYPES.containsKey(first)) {
            return Optional.of(new String[] {LOCAL_TYPES.get(first), first});
        }
        return Optional.empty();
    }
}
