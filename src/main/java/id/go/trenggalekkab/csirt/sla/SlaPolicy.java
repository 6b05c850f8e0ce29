package id.go.trenggalekkab.csirt.sla;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.system.ConfigFile;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Each step's time standard, the clock it runs on, and the deadlines and durations that follow. */
@Component
public class SlaPolicy {

    private static final Logger log = LoggerFactory.getLogger(SlaPolicy.class);

    private final SlaProperties properties;
    private final SlaCalendar calendar;

    public SlaPolicy(SlaProperties properties) {
        this.properties = properties;
        String[] hours = properties.workingHours().split("-");
        this.calendar = new SlaCalendar(properties.workingDays(), LocalTime.parse(hours[0].trim()),
                LocalTime.parse(hours[1].trim()), holidays(properties.holidaysFile()));
    }

    public Duration timeStandard(CaseStep step) {
        Map<String, Duration> overrides = properties.timeStandards();
        return overrides != null && overrides.containsKey(step.name()) ? overrides.get(step.name()) : step.timeStandard();
    }

    /** The step's time standard for people: "20 menit", "1 hari". */
    public String timeStandardInWords(CaseStep step) {
        return inWords(timeStandard(step));
    }

    /** For people: "1 hari 2 jam", "25 menit". */
    public static String inWords(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes % (24 * 60)) / 60;
        long rest = minutes % 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(days + " hari");
        }
        if (hours > 0) {
            parts.add(hours + " jam");
        }
        if (rest > 0 || parts.isEmpty()) {
            parts.add(rest + " menit");
        }
        return String.join(" ", parts);
    }

    public SlaClock clock(CaseStep step) {
        Map<String, SlaClock> perStep = properties.stepClock();
        return perStep != null && perStep.containsKey(step.name()) ? perStep.get(step.name()) : properties.clock();
    }

    /** When a step entered at this instant is due, or null for steps without a time standard. */
    public Instant deadline(CaseStep step, Instant entered) {
        Duration standard = timeStandard(step);
        return standard == null ? null : calendar.deadline(entered, standard, clock(step));
    }

    /** When escalation number n (1, 2, ...) of a step is due: escalateAfter × standard, then one standard apart. */
    public Instant escalationDue(CaseStep step, Instant entered, int n) {
        Duration standard = timeStandard(step);
        Duration first = Duration.ofMillis((long) (standard.toMillis() * properties.escalateAfter()));
        return calendar.deadline(entered, first.plus(standard.multipliedBy(n - 1L)), clock(step));
    }

    public int maxEscalations() {
        return properties.maxEscalations();
    }

    public Duration took(CaseStep step, Instant entered, Instant left) {
        return calendar.elapsed(entered, left, clock(step));
    }

    private static Set<LocalDate> holidays(String location) {
        Set<LocalDate> days = new HashSet<>();
        ConfigFile file = ConfigFile.at(location).orElse(null);
        if (file == null || !file.exists()) {
            log.info("No holiday file ({}): working-hours clocks skip weekends only", location);
            return days;
        }
        try (Reader reader = file.open()) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (doc instanceof Map<?, ?> root && root.get("holidays") instanceof List<?> list) {
                for (Object day : list) {
                    days.add(day instanceof java.util.Date d
                            ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                            : LocalDate.parse(String.valueOf(day).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("holiday file " + file + " is unreadable: " + e.getMessage(), e);
        }
        return days;
    }
}
