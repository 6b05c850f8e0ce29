package id.go.trenggalekkab.csirt.digest;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.directory.Role;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.outbound.MailDraft;
import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import id.go.trenggalekkab.csirt.outbound.Outbox;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.workflow.CaseStep;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Kadis's weekly digest: the figures of a period, as HTML with a plain-text part and
 * the chart inline, queued in the outbox. The weekly-digest route sends last week's on
 * its cron (default Monday 07:00 WIB), once per week whichever instance fires; officers
 * can also ask for any period through the API.
 */
@Service("weeklyDigest")
public class WeeklyDigest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id-ID"));

    private final DigestRepository figures;
    private final DigestChart chart;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final Directory directory;
    private final Logbook logbook;
    private final NamedParameterJdbcTemplate jdbc;
    private final CsirtProperties properties;
    private final Clock clock;

    public WeeklyDigest(DigestRepository figures, DigestChart chart, MailTemplates templates, Outbox outbox,
                        Directory directory, Logbook logbook, NamedParameterJdbcTemplate jdbc,
                        CsirtProperties properties, Clock clock) {
        this.figures = figures;
        this.chart = chart;
        this.templates = templates;
        this.outbox = outbox;
        this.directory = directory;
        this.logbook = logbook;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The figures of [from, to), both midnight WIB. */
    public Digest figures(LocalDate from, LocalDate to) {
        return figures.figures(midnight(from), midnight(to), clock.instant());
    }

    /** Last week in WIB days: [last Monday, this Monday). */
    public LocalDate[] lastWeek() {
        LocalDate thisMonday = clock.instant().atZone(Wib.ZONE).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new LocalDate[] {thisMonday.minusWeeks(1), thisMonday};
    }

    /** Called by the weekly-digest route: last week, Monday to Monday, once. Returns whether it was sent now. */
    @Transactional
    public boolean sendLastWeek() {
        LocalDate[] week = lastWeek();
        LocalDate lastMonday = week[0];
        LocalDate thisMonday = week[1];
        int claimed = jdbc.update("""
                INSERT INTO digest_sent (period_start, period_end, sent_at) VALUES (:from, :to, :now)
                ON CONFLICT (period_start) DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("from", Timestamp.from(midnight(lastMonday)))
                .addValue("to", Timestamp.from(midnight(thisMonday)))
                .addValue("now", Timestamp.from(clock.instant())));
        if (claimed == 0) {
            return false;
        }
        send(lastMonday, thisMonday);
        return true;
    }

    /** Sends the digest of any period to the Kadis; returns to how many people. */
    @Transactional
    public int send(LocalDate from, LocalDate to) {
        Digest digest = figures(from, to);
        Map<String, Object> model = model(digest, from, to);
        String text = templates.render("digest", model);
        String html = templates.renderHtml("digest.html", model);
        List<MailDraft.InlineImage> images = List.of(
                new MailDraft.InlineImage("chart-open-cases", "image/png", chart.openCasesByStep(digest)));
        List<Person> kadis = directory.withRole(Role.KADIS);
        for (Person person : kadis) {
            outbox.enqueue(null, new MailDraft("DIGEST", person.address(), person.name(),
                    "Ringkasan mingguan " + properties.deskName() + ": " + DAY.format(from) + " - " + DAY.format(to.minusDays(1)),
                    text, null, List.of(), "auto-generated", List.of(), html, images));
        }
        logbook.record(null, Logbook.SYSTEM, "DIGEST_QUEUED", from + " to " + to + " for " + kadis.size() + " recipient(s)");
        return kadis.size();
    }

    private Map<String, Object> model(Digest d, LocalDate from, LocalDate to) {
        Map<String, Object> model = new HashMap<>();
        model.put("deskName", properties.deskName());
        model.put("from", DAY.format(from));
        model.put("to", DAY.format(to.minusDays(1)));
        model.put("received", d.received());
        model.put("verified", d.verified());
        model.put("notIncidents", d.notIncidents());
        model.put("closed", d.closed());
        List<Map<String, Object>> open = new ArrayList<>();
        for (CaseStep step : CaseStep.values()) {
            Map<String, Long> byPriority = d.openByStepAndPriority().get(step.name());
            if (byPriority != null) {
                open.add(Map.of("step", step.describe(),
                        "high", byPriority.getOrDefault("HIGH", 0L), "medium", byPriority.getOrDefault("MEDIUM", 0L),
                        "low", byPriority.getOrDefault("LOW", 0L), "none", byPriority.getOrDefault("NONE", 0L)));
            }
        }
        model.put("open", open);
        model.put("timeliness", d.timeliness().stream().map(t -> Map.of(
                "step", t.step().equals("INTAKE") ? "langkah 1-3: penerimaan sampai tanda terima" : CaseStep.valueOf(t.step()).describe(), "completed", t.completed(), "met", t.met(),
                "share", Math.round(t.metShare() * 100), "median", t.medianMinutes())).toList());
        model.put("overdue", d.overdue().stream().map(o -> Map.of(
                "tag", "[" + o.ticket() + "]", "subject", o.subject(), "step", CaseStep.valueOf(o.step()).describe(),
                "late", o.minutesLate())).toList());
        model.put("hasOverdue", !d.overdue().isEmpty());
        model.put("categories", d.receivedByCategory().entrySet().stream()
                .map(e -> Map.of("category", e.getKey(), "count", e.getValue())).toList());
        model.put("openCases", d.openCases().stream().map(c -> Map.of(
                "tag", c.tag(), "subject", c.subject(), "step", CaseStep.valueOf(c.step()).describe())).toList());
        return model;
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(Wib.ZONE).toInstant();
    }
}
