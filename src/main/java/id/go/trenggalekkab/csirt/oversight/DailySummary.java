package id.go.trenggalekkab.csirt.oversight;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.MailStage;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.EchoedText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every officer's morning mail (route daily-summary, 07:00 WIB by default): the day's new
 * cases, what waits on officers and falls due before the next summary, what is overdue,
 * how many cases wait on reporters, and the mail nobody else would tell them of:
 * quarantined, undeliverable, and automatic mail on cases (which makes no briefing). Once
 * per WIB day whichever instance fires; nothing is sent when there is nothing to say.
 */
@Component("dailySummary")
public class DailySummary {

    private static final Logger log = LoggerFactory.getLogger(DailySummary.class);

    /** The day looked back on, and the day looked ahead to. */
    static final Duration DAY = Duration.ofHours(24);

    private final DailySummaryRepository repository;
    private final Directory directory;
    private final Mailer mailer;
    private final Logbook logbook;
    private final Clock clock;

    DailySummary(DailySummaryRepository repository, Directory directory, Mailer mailer, Logbook logbook, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.mailer = mailer;
        this.logbook = logbook;
        this.clock = clock;
    }

    /** What the summary says, as of {@code at}. */
    public record Figures(Instant at, List<DailySummaryRepository.CaseLine> newCases,
                          List<DailySummaryRepository.CaseLine> dueSoon, List<DailySummaryRepository.CaseLine> overdue,
                          long waitingOnReporters, long quarantined, long undeliverable, long automaticOnCases) {

        public boolean nothingToSay() {
            return newCases.isEmpty() && dueSoon.isEmpty() && overdue.isEmpty() && waitingOnReporters == 0
                    && quarantined == 0 && undeliverable == 0 && automaticOnCases == 0;
        }
    }

    /** Template {@code daily-summary}; the case lines are already in words for people. */
    record DailySummaryMail(String name, String day, List<String> newCases, List<String> dueSoon, List<String> overdue,
                            long waitingOnReporters, long quarantined, long undeliverable, long automaticOnCases)
            implements MailModel {

        @Override
        public String template() {
            return "daily-summary";
        }

        DailySummaryMail to(Person officer) {
            return new DailySummaryMail(officer.name(), day, newCases, dueSoon, overdue, waitingOnReporters, quarantined,
                    undeliverable, automaticOnCases);
        }
    }

    /** The last day and the next, as of now. */
    public Figures figures() {
        Instant now = clock.instant();
        return repository.figures(now.minus(DAY), now, now.plus(DAY));
    }

    /**
     * The route's first stage: today (WIB) claimed for this instance with its figures, or
     * null where it was claimed before or there is nothing to say (the day is claimed then
     * too, and the logbook says why nobody got mail).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Figures claimToday() {
        Figures figures = figures();
        LocalDate today = Wib.at(figures.at()).toLocalDate();
        if (!repository.claim(today, figures.at(), figures.nothingToSay())) {
            log.info("Daily summary of {} already claimed", today);
            return null;
        }
        if (figures.nothingToSay()) {
            logbook.recordMail(null, MessageKind.DAILY_SUMMARY, MailStage.SUPPRESSED, today + ": nothing to say");
            return null;
        }
        return figures;
    }

    /** Queues the summary to every officer; returns to how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int send(Figures figures) {
        DailySummaryMail mail = new DailySummaryMail(null, Wib.human(figures.at()), lines(figures.newCases(), false),
                lines(figures.dueSoon(), true), lines(figures.overdue(), true), figures.waitingOnReporters(),
                figures.quarantined(), figures.undeliverable(), figures.automaticOnCases());
        List<Person> officers = directory.withRole(Role.OFFICER);
        for (Person officer : officers) {
            mailer.queue(Letter.of(MessageKind.DAILY_SUMMARY, mail.to(officer), officer.address(), officer.name()));
        }
        return officers.size();
    }

    /** The route's stages in one call; whether a summary went out. */
    @Transactional
    public boolean sendToday() {
        Figures figures = claimToday();
        return figures != null && send(figures) > 0;
    }

    private static List<String> lines(List<DailySummaryRepository.CaseLine> cases, boolean withDeadline) {
        return cases.stream().map(c -> "[" + c.ticket() + "] " + EchoedText.defang(String.valueOf(c.subject())) + " - "
                + CaseStep.describe(c.step()) + (withDeadline && c.deadline() != null ? ", batas " + Wib.human(c.deadline()) : "")
                + (c.assignee() == null ? "" : ", ditugaskan " + c.assignee())).toList();
    }
}
