package id.go.trenggalekkab.csirt.sla;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.MovableClock;
import id.go.trenggalekkab.csirt.support.People;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminder, then escalation, then silence once the step is done; on Quartz's clustered JDBC store. */
class SlaTimersTest extends DeskIntegrationTest {

    @Autowired
    MovableClock clock;

    @Autowired
    SlaSweep sweep;

    @Autowired
    Scheduler scheduler;

    @Autowired
    CamelContext camel;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void timersRunOnQuartzsClusteredJdbcJobStore() throws Exception {
        assertThat(camel.getRoute("sla-sweep")).isNotNull();
        assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        // started by camel-quartz once Camel is up, not by Spring before the routes exist
        assertThat(scheduler.isStarted()).isTrue();
        assertThat(scheduler.isInStandbyMode()).isFalse();
        assertThat(count("SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'csirt-sla'")).isEqualTo(1);
    }

    @Test
    void reminderAtTheDeadlineEscalationLaterAndNothingOnceTheStepIsDone() throws Exception {
        // office hours: the morning officer is on duty, whenever the test runs
        clock.advanceTo(DayOfWeek.WEDNESDAY, LocalTime.of(10, 0));
        String ticket = newCase("Laporan yang dibiarkan");
        long verification = verificationStep(ticket);

        moveOpenDeadlinesOutOfReach(ticket);
        clock.advance(Duration.ofMinutes(10));
        sweep.sweep();
        assertThat(notices(verification)).isEmpty();

        // step 4's standard is 20 minutes: past it, one reminder to the officers (no one assigned)
        clock.advance(Duration.ofMinutes(11));
        sweep.sweep();
        sweep.sweep();
        assertThat(notices(verification)).containsExactly("REMINDER");
        MimeMessage reminder = await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, "Pengingat"), m -> m != null);
        assertThat((String) reminder.getContent()).contains("langkah 4: Verifikasi laporan").contains("20 menit")
                .contains("#verifikasi");

        // at twice the standard (40 minutes), the supervisors; not before
        clock.advance(Duration.ofMinutes(10));
        sweep.sweep();
        assertThat(notices(verification)).containsExactly("REMINDER");
        clock.advance(Duration.ofMinutes(10));
        sweep.sweep();
        assertThat(notices(verification)).containsExactly("REMINDER", "ESCALATION_1");
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.KABID, ticket, "Eskalasi") != null);

        // the officer verifies: the step is done, escalation stops there
        command(People.OFFICER, ticket, "#verifikasi", "Terlambat, maaf.");
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT left_at IS NOT NULL FROM case_step WHERE id = ?", Boolean.class, verification));
        assertThat(jdbc.queryForObject("SELECT outcome FROM case_step WHERE id = ?", String.class, verification))
                .isEqualTo("MISSED");
        assertThat(jdbc.queryForObject("SELECT took_seconds FROM case_step WHERE id = ?", Long.class, verification))
                .isGreaterThanOrEqualTo(41 * 60);
        clock.advance(Duration.ofHours(5));
        sweep.sweep();
        assertThat(notices(verification)).containsExactly("REMINDER", "ESCALATION_1");
        assertThat(count("SELECT count(*) FROM logbook l JOIN ticket t ON t.id = l.ticket_id "
                + "WHERE t.number = ? AND l.event LIKE 'SLA_%'", ticket)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aReminderOnACaseNobodyIsAssignedGoesToTheOfficersOnDutyOnly() throws Exception {
        // a weekday evening: the afternoon officer (piket) is on duty, the morning one is not
        clock.advanceTo(DayOfWeek.WEDNESDAY, LocalTime.of(17, 0));
        String ticket = newCase("Laporan sore hari");
        long verification = verificationStep(ticket);
        moveOpenDeadlinesOutOfReach(ticket);
        clock.advance(Duration.ofMinutes(21));
        sweep.sweep();
        assertThat(jdbc.queryForObject("SELECT recipients FROM sla_notice WHERE case_step_id = ? AND level = 'REMINDER'",
                String.class, verification)).isEqualTo(People.PIKET);
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.PIKET, ticket, "Pengingat") != null);
        awaitQuiet();
        assertThat(mailsAbout(People.OFFICER, ticket, "Pengingat")).as("not to the officer off duty").isEmpty();
    }

    @Test
    void theSweepRouteRunsItsStagesInOneTransactionAndTheReminderGoesOut() throws Exception {
        clock.advanceTo(DayOfWeek.WEDNESDAY, LocalTime.of(10, 0));
        String ticket = newCase("Laporan yang ditunggu Quartz");
        long verification = verificationStep(ticket);
        moveOpenDeadlinesOutOfReach(ticket);
        clock.advance(Duration.ofMinutes(21));
        assertThat(runRoute("sla-sweep").getException()).isNull();
        assertThat(notices(verification)).containsExactly("REMINDER");
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, "Pengingat") != null);
        assertThat(logbookEvents(ticket)).contains("SLA_REMINDER", "SLA_REMINDER_QUEUED");
    }

    @Test
    void escalationsAreBoundedEvenForAStepLeftForDays() {
        String ticket = newCase("Laporan terlupakan");
        long verification = verificationStep(ticket);
        moveOpenDeadlinesOutOfReach(ticket);
        // the desk was down for three days: the first sweep after start catches up, once
        clock.advance(Duration.ofDays(3));
        sweep.sweep();
        sweep.sweep();
        assertThat(notices(verification)).containsExactly("REMINDER", "ESCALATION_1", "ESCALATION_2", "ESCALATION_3");
    }

    private String newCase(String subject) {
        return newCase(uniqueAddress("sla"), subject);
    }

    private long verificationStep(String ticket) {
        return jdbc.queryForObject("""
                SELECT s.id FROM case_step s JOIN ticket t ON t.id = s.ticket_id
                 WHERE t.number = ? AND s.step = 'VERIFICATION'
                """, Long.class, ticket);
    }

    private List<String> notices(long caseStepId) {
        return jdbc.queryForList("SELECT level FROM sla_notice WHERE case_step_id = ? ORDER BY due_at, id",
                String.class, caseStepId);
    }
}
