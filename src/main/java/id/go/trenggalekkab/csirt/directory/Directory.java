package id.go.trenggalekkab.csirt.directory;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.system.ConfigFile;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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

    private final PersonRepository people;
    private final Logbook logbook;
    private final Clock clock;
    private final ConfigFile file;
    private volatile String loadedVersion = "";

    Directory(PersonRepository people, Logbook logbook, Clock clock, @Value("${csirt.directory.file}") String file) {
        this.people = people;
        this.logbook = logbook;
        this.clock = clock;
        this.file = ConfigFile.at(file).orElseThrow(() -> new IllegalArgumentException("csirt.directory.file is not set"));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadAtStart() {
        reloadIfChanged();
    }

    /** Loads the file if it changed since the last load; a bad file is refused and the old directory stays. */
    @Transactional
    public synchronized boolean reloadIfChanged() {
        String version = file.version();
        if (version.equals(loadedVersion)) {
            return false;
        }
        List<Person> read;
        try {
            read = DirectoryFile.read(file);
        } catch (IllegalArgumentException e) {
            loadedVersion = version;
            log.error("Directory file refused, the previous directory stays in force: {}", e.getMessage());
            logbook.record(null, Logbook.SYSTEM, LogbookEvent.DIRECTORY_REFUSED, e.getMessage());
            return false;
        }
        people.replaceAll(read, clock.instant());
        loadedVersion = version;
        logbook.record(null, Logbook.SYSTEM, LogbookEvent.DIRECTORY_LOADED, read.size() + " people from " + file);
        log.info("Directory loaded: {} people from {}", read.size(), file);
        return true;
    }

    /** Where the directory is read from, for people: a path, or the example shipped in the jar. */
    public String source() {
        return file.toString();
    }

    public Optional<Person> find(String address) {
        return address == null ? Optional.empty() : people.find(address.toLowerCase(Locale.ROOT));
    }

    public List<Person> withRole(Role role) {
        return people.withRole(role);
    }

    /**
     * Whoever must act on a case: the officer it is assigned to, or every officer where it
     * is assigned to nobody, or to someone no longer on the desk's staff.
     */
    public List<Person> inCharge(String assignee) {
        return find(assignee).filter(Person::isDeskStaff).map(List::of).orElseGet(() -> withRole(Role.OFFICER));
    }

    /**
     * Whoever must act on a case now, for a reminder: the officer it is assigned to, or else
     * the officers on duty at this moment (every officer where nobody's duty covers it).
     */
    public List<Person> inCharge(String assignee, Instant at) {
        return find(assignee).filter(Person::isDeskStaff).map(List::of).orElseGet(() -> officersOnDuty(at));
    }

    /**
     * The officers whose duty schedule covers this moment; where nobody's does (at night, on
     * a holiday, or with no schedules in the file at all), every officer: a report is never
     * told to nobody.
     */
    public List<Person> officersOnDuty(Instant at) {
        List<Person> officers = withRole(Role.OFFICER);
        List<Person> onDuty = officers.stream().filter(o -> o.duty().covers(at)).toList();
        return onDuty.isEmpty() ? officers : onDuty;
    }

}
