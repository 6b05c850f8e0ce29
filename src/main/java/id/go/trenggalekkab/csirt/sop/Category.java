package id.go.trenggalekkab.csirt.sop;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A case's category: one of the 11 top-level classes of the Reference Security Incident
 * Taxonomy (ENISA / eCSIRT.net, as used by CSIRTs and IntelMQ), with an optional sub-type;
 * the locally common incident types are sub-types. An officer writes {@code intrusions},
 * {@code fraud/phishing}, or only the local type ({@code judi-online}), which names its class.
 *
 * @param subtype null where only the class is known
 */
public record Category(String taxonomyClass, String subtype) {

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

    /** The category a text names, or empty where it names neither a class nor a local type. */
    public static Optional<Category> read(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("[/:]", 2);
        String first = parts[0];
        String sub = parts.length > 1 && !parts[1].isBlank() ? parts[1] : null;
        if (CLASSES.contains(first)) {
            return Optional.of(new Category(first, sub));
        }
        if (sub == null && LOCAL_TYPES.containsKey(first)) {
            return Optional.of(new Category(LOCAL_TYPES.get(first), first));
        }
        return Optional.empty();
    }

    /** As stored columns come back: null where no category is set. */
    public static Category ofStored(String taxonomyClass, String subtype) {
        return taxonomyClass == null ? null : new Category(taxonomyClass, subtype);
    }

    /** "information-content-security/judi-online". */
    @Override
    public String toString() {
        return taxonomyClass + (subtype == null ? "" : "/" + subtype);
    }
}
