package id.go.trenggalekkab.csirt.oversight;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.mail.HeaderValues;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.system.Wib;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail that went to quarantine and mail given up as undeliverable (FAILED in the outbox)
 * reach the officers at once, but never more than one alert per {@link #INTERVAL}: the
 * next one lists everything since the last. Route alert-officers-of-unseen-mail runs it.
 */
@Component("unseenMail")
public class UnseenMail {

    /** At most one alert in this time, whatever happens. */
    public static final Duration INTERVAL = Duration.ofMinutes(10);

    private final UnseenMailRepository repository;
    private final Directory directory;
    private final Mailer mailer;
    private final Clock clock;

    UnseenMail(UnseenMailRepository repository, Directory directory, Mailer mailer, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Template {@code unseen-mail-alert}; the lines are already in words for people. */
    record UnseenMailAlert(String name, List<String> quarantined, List<String> undelivered, String since)
            implements MailModel {

        @Override
        public String template() {
            return "unseen-mail-alert";
        }

        public boolean hasQuarantined() {
            return !quarantined.isEmpty();
        }

        public boolean hasUndelivered() {
            return !undelivered.isEmpty();
        }

        public int quarantinedCount() {
            return quarantined.size();
        }

        public int undeliveredCount() {
            return undelivered.size();
        }

        UnseenMailAlert to(Person officer) {
            return new UnseenMailAlert(officer.name(), quarantined, undelivered, since);
        }
    }

    /** Sends the alert if there is news and the last one is old enough; returns how many rows it told of. */
    @Transactional
    public int alertOfficers() {
        repository.lock();
        Instant now = clock.instant();
        Optional<Instant> last = repository.lastAlert();
        if (last.isPresent() && last.get().isAfter(now.minus(INTERVAL))) {
            return 0;
        }
        List<UnseenMailRepository.Quarantined> quarantined = repository.quarantinedNotAlerted();
        List<UnseenMailRepository.Undelivered> undelivered = repository.failedNotAlerted();
        List<Person> officers = directory.withRole(Role.OFFICER);
        if (quarantined.isEmpty() && undelivered.isEmpty() || officers.isEmpty()) {
            return 0;
        }
        UnseenMailAlert alert = new UnseenMailAlert(null,
                quarantined.stream().map(q -> "#" + q.id() + "  " + Wib.human(q.at()) + ", " + q.size() + " byte, SHA-256 "
                        + q.sha256() + "\n      sebab: " + HeaderValues.oneLine(q.reason(), 300)).toList(),
                undelivered.stream().map(u -> (u.ticket() == null ? "" : "[" + u.ticket() + "] ") + u.kind() + " kepada "
                        + u.toAddress() + "\n      sebab: " + HeaderValues.oneLine(String.valueOf(u.error()), 300)).toList(),
                last.map(Wib::human).orElse("-"));
        for (Person officer : officers) {
            mailer.queue(Letter.of(MessageKind.UNSEEN_MAIL_ALERT, alert.to(officer), officer.address(), officer.name()));
        }
        repository.recordAlert(now, quarantined, undelivered);
        return quarantined.size() + undelivered.size();
    }
}
