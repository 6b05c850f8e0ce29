package id.go.trenggalekkab.csirt.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The top-level header fields of a message, unfolded, looked up without regard to case. */
public final class MailHeaders {

    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    void add(String name, String value) {
        fields.computeIfAbsent(name.trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(unfold(value));
    }

    public String first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String name) {
        return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean has(String name) {
        return fields.containsKey(name.toLowerCase(Locale.ROOT));
    }

    private static String unfold(String value) {
        return value == null ? "" : value.replaceAll("\\r?\\n[ \\t]*|\\r[ \\t]*", " ").trim();
    }
}
