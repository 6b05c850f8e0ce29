package id.go.trenggalekkab.csirt.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The top-level header fields of a message, unfolded: looked up by name without regard to
 * case, or walked in the order they stand (top first), where the order is the evidence of
 * which server wrote what.
 */
public final class MailHeaders {

    /** One header field as it stands: its name as written, its value unfolded. */
    public record Field(String name, String value) {

        public boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final List<Field> inOrder = new ArrayList<>();

    void add(String name, String value) {
        String unfolded = unfold(value);
        fields.computeIfAbsent(name.trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(unfolded);
        inOrder.add(new Field(name.trim(), unfolded));
    }

    /** Every field, top first. */
    public List<Field> inOrder() {
        return List.copyOf(inOrder);
    }

    public int count(String name) {
        return all(name).size();
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

    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]*|\\r[ \\t]*");

    private static String unfold(String value) {
        return value == null ? "" : FOLD.matcher(value).replaceAll(" ").trim();
    }
}
