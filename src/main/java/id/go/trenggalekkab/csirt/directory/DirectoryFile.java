package id.go.trenggalekkab.csirt.directory;

import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.system.ConfigFile;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the directory YAML. All or nothing: one bad entry refuses the whole file, with a
 * message naming the entry, so a typo never silently takes someone's rights away or gives
 * them to the wrong person.
 */
final class DirectoryFile {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+");

    private DirectoryFile() {}

    static List<Person> read(ConfigFile file) {
        Object document;
        try (Reader reader = file.open()) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("people") instanceof List<?> entries)) {
            throw new IllegalArgumentException(file + ": expected a top-level 'people:' list");
        }
        List<Person> people = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ", people[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(where + ": expected address, name and roles");
            }
            String address = String.valueOf(entry.get("address")).trim().toLowerCase(Locale.ROOT);
            if (!ADDRESS.matcher(address).matches()) {
                throw new IllegalArgumentException(where + ": '" + entry.get("address") + "' is not an email address");
            }
            if (!seen.add(address)) {
                throw new IllegalArgumentException(where + ": " + address + " is listed twice");
            }
            Object name = entry.get("name");
            if (!(entry.get("roles") instanceof List<?> roleNames) || roleNames.isEmpty()) {
                throw new IllegalArgumentException(where + " (" + address + "): needs a non-empty 'roles' list");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Object roleName : roleNames) {
                roles.add(Role.named(String.valueOf(roleName)).orElseThrow(() -> new IllegalArgumentException(
                        where + " (" + address + "): unknown role '" + roleName + "'")));
            }
            people.add(new Person(address, name == null ? address : String.valueOf(name).trim(), Set.copyOf(roles),
                    duty(entry.get("duty"), where + " (" + address + ")")));
        }
        return people;
    }

    /** Optional: a list of shifts, or one shift as a plain string. */
    private static DutySchedule duty(Object value, String where) {
        if (value == null) {
            return DutySchedule.NONE;
        }
        List<String> lines = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(line -> lines.add(String.valueOf(line)));
        } else {
            lines.add(String.valueOf(value));
        }
        try {
            return DutySchedule.parse(lines);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
