package id.go.trenggalekkab.csirt.directory;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's people and their roles, kept in the {@code person} table and loaded from the
 * directory YAML file ({@code CSIRT_DIRECTORY_FILE}). The directory-reload route calls
 * {@link #reloadIfChanged()}, so an edited file takes effect within seconds, no rebuild.
 */
@Component("directory")
public class Directory {

    private static final Logger log = LoggerFactory.getLogger(Directory.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Logbook logbook;
    private final Clock clock;
    private final Path file;
    private volatile String loadedVersion = "";

    public Directory(NamedParameterJdbcTemplate jdbc, Logbook logbook, Clock clock,
                     @Value("${csirt.directory.file}") String file) {
        this.jdbc = jdbc;
        this.logbook = logbook;
        this.clock = clock;
        this.file = Path.of(file);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadAtStart() {
        reloadIfChanged();
    }

    /** Loads the file if it changed since the last load; a bad file is refused and the old directory stays. */
    @Transactional
    public synchronized boolean reloadIfChanged() {
        String version = versionOf(file);
        if (version.equals(loadedVersion)) {
            return false;
        }
        List<Person> people;
        try {
            people = DirectoryFile.read(file);
        } catch (IllegalArgumentException e) {
            loadedVersion = version;
            log.error("Directory file refused, the previous directory stays in force: {}", e.getMessage());
            logbook.record(null, Logbook.SYSTEM, "DIRECTORY_REFUSED", e.getMessage());
            return false;
        }
        jdbc.update("DELETE FROM person", new MapSqlParameterSource());
        for (Person p : people) {
            jdbc.update("INSERT INTO person (address, name, roles, updated_at) VALUES (:address, :name, :roles, :now)",
                    new MapSqlParameterSource()
                            .addValue("address", p.address())
                            .addValue("name", p.name())
                            .addValue("roles", p.roles().stream().map(Role::name).toArray(String[]::new))
                            .addValue("now", Timestamp.from(clock.instant())));
        }
        loadedVersion = version;
        logbook.record(null, Logbook.SYSTEM, "DIRECTORY_LOADED", people.size() + " people from " + file);
        log.info("Directory loaded: {} people from {}", people.size(), file);
        return true;
    }

    public Optional<Person> find(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT address, name, roles FROM person WHERE address = :address",
                new MapSqlParameterSource("address", address.toLowerCase(Locale.ROOT)),
                (rs, i) -> new Person(rs.getString("address"), rs.getString("name"), roles(rs.getArray("roles"))))
                .stream().findFirst();
    }

    public List<Person> withRole(Role role) {
        return jdbc.query("SELECT address, name, roles FROM person WHERE :role = ANY (roles) ORDER BY address",
                new MapSqlParameterSource("role", role.name()),
                (rs, i) -> new Person(rs.getString("address"), rs.getString("name"), roles(rs.getArray("roles"))));
    }

    private static Set<Role> roles(Array array) throws java.sql.SQLException {
        String[] names = (String[]) array.getArray();
        return Arrays.stream(names).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static String versionOf(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return "missing";
        }
    }
}
