package id.go.trenggalekkab.csirt.digest;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailDraft;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Kadis's weekly digest: the figures of a period, as HTML with a plain-text part and
 * the chart inline, queued in the outbox. The weekly-digest route sends last week's on
 * its cron (default Monday 07:00 WIB), once per week whichever instance fires; officers
 * can also ask for any period through the API.
 */
@Service("weeklyDigest")
public class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id-ID"));

    private final DigestRepository figures;
    private final DigestChart chart;
    private final Mailer mailer;
    private final Directory directory;
    private final Clock clock;

    WeeklyDigest(DigestRepository figures, DigestChart chart, Mailer mailer, Directory directory, Clock clock) {
        this.figures = figures;
        this.chart = chart;
        this.mailer = mailer;
        this.directory = directory;
        this.clock = clock;
    }

    /** Template {@code digest} (and {@code digest.html}): the figures in words, dates in WIB. */
    public record DigestMail(String from, String to, long received, long verified, long notIncidents, long closed,
                      List<OpenLine> open, List<TimelinessLine> timeliness, List<OverdueLine> overdue,
                      List<CategoryLine> categories, List<CaseLine> openCases, Digest.ReporterWaiting waiting,
                      long merged, Digest.ReportsUpward upward)
            implements MailModel {

        @Override
        public String template() {
            return "digest";
        }

        public boolean hasOverdue() {
            return !overdue.isEmpty();
        }
    }

    public record OpenLine(String step, long high, long medium, long low, long none) {}

    public record TimelinessLine(String step, long completed, long met, long share, long median) {}

    public record OverdueLine(String tag, String subject, String step, long late) {}

    public record CategoryLine(String category, long count) {}

    /** @param linked "" or the reports merged into the case, in words */
    public record CaseLine(String tag, String subject, String step, String linked) {}

    /** The figures of a period. */
    public Digest figures(Period period) {
        return figures.figures(period.start(), period.end(), clock.instant());
    }

    /** Only the timeliness of each step in a period: what the figures page shows for many weeks at once. */
    public List<Digest.StepTimeliness> timeliness(Period period) {
        return figures.timeliness(period.start(), period.end());
    }

    /** A period's digest as people read it (the mail's own lines): for the web view. */
    public DigestMail lines(Period period) {
        return mail(figures(period), period);
    }

    /** The chart of open cases by step and priority, as PNG, as the mail shows it. */
    public byte[] chart(Period period) {
        return chart.openCasesByStep(figures(period));
    }

    /** Last week in WIB days: [last Monday, this Monday). */
    public Period lastWeek() {
        return Period.weekBefore(clock.instant());
    }

    /**
     * The weekly-digest route's first stage: last week, Monday to Monday, claimed for this
     * instance in the route's transaction, or null where it was sent already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Period claimLastWeek() {
        Period week = lastWeek();
        if (figures.claim(week, clock.instant())) {
            return week;
        }
        log.info("Digest of {} already sent", week);
        return null;
    }

    /** The route's stages in one call: claimed and queued in one transaction. Returns whether it was sent now. */
    @Transactional
    public boolean sendLastWeek() {
        Period week = claimLastWeek();
        if (week == null) {
            return false;
        }
        send(week);
        return true;
    }

    /** Sends the digest of any period to the Kadis; returns to how many people. */
    @Transactional
    public int send(Period period) {
        Digest digest = figures(period);
        DigestMail mail = mail(digest, period);
        List<MailDraft.InlineImage> images = List.of(
                new MailDraft.InlineImage("chart-open-cases", "image/png", chart.openCasesByStep(digest)));
        List<Person> kadis = directory.withRole(Role.KADIS);
        for (Person person : kadis) {
            mailer.queue(Letter.of(MessageKind.DIGEST, mail, person.address(), person.name()).showing(images));
        }
        return kadis.size();
    }

    private static DigestMail mail(Digest d, Period period) {
        List<OpenLine> open = new ArrayList<>();
        for (CaseStep step : CaseStep.values()) {
            Map<String, Long> byPriority = d.openByStepAndPriority().get(step.name());
            if (byPriority != null) {
                open.add(new OpenLine(step.describe(), byPriority.getOrDefault("HIGH", 0L),
                        byPriority.getOrDefault("MEDIUM", 0L), byPriority.getOrDefault("LOW", 0L),
                        byPriority.getOrDefault(Digest.NO_PRIORITY, 0L)));
            }
        }
        return new DigestMail(DAY.format(period.from()), DAY.format(period.to().minusDays(1)), d.received(),
                d.verified(), d.notIncidents(), d.closed(), open,
                d.timeliness().stream().map(t -> new TimelinessLine(
                        t.step().equals(Digest.INTAKE) ? "langkah 1-3: penerimaan sampai tanda terima"
                                : CaseStep.valueOf(t.step()).describe(),
                        t.completed(), t.met(), Math.round(t.metShare() * 100), t.medianMinutes())).toList(),
                d.overdue().stream().map(o -> new OverdueLine(o.tag(), o.subject(), CaseStep.valueOf(o.step()).describe(),
                        o.minutesLate())).toList(),
                d.receivedByCategory().entrySet().stream().map(e -> new CategoryLine(e.getKey(), e.getValue())).toList(),
                d.openCases().stream().map(c -> new CaseLine(c.tag(), c.subject(), CaseStep.valueOf(c.step()).describe(),
                                c.linked().isEmpty() ? "" : " (digabung: " + String.join(", ", c.linked()) + ")"))
                        .toList(), d.waitingOnReporters(), d.merged(), d.reportsUpward());
    }
}
