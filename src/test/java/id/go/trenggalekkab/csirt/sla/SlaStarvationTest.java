package id.go.trenggalekkab.csirt.sla;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * More overdue steps (520) than one sweep's batch (500): every one gets its reminder within a few
 * sweeps, even while earlier ones still await their later escalations (found by the
 * benchmark: the old query kept re-selecting the same batch).
 */
class SlaStarvationTest extends DeskIntegrationTest {

    @Autowired
    SlaSweep sweep;

    @Test
    void aQueueOfOverdueStepsAwaitingEscalationsDoesNotStarveTheRest() {
        moveOpenDeadlinesOutOfReach();
        jdbc.update("""
                INSERT INTO ticket (number, year, sequence, status, reporter_address, subject, received_at)
                SELECT 'TTIS-2097-' || lpad(g::text, 5, '0'), 2097, g, 'VERIFICATION', 'antre@example.org',
                       'antrean ' || g, now() - interval '30 minutes'
                  FROM generate_series(1, 520) g
                """);
        // due 10 minutes ago: reminders due, escalations not yet (first at 40 minutes)
        jdbc.update("""
                INSERT INTO case_step (ticket_id, step, entered_at, entered_by, deadline, clock, next_notice_at)
                SELECT id, 'VERIFICATION', now() - interval '30 minutes', 'test', now() - interval '10 minutes',
                       'CALENDAR', now() - interval '10 minutes'
                  FROM ticket WHERE year = 2097
                """);
        for (int i = 0; i < 4; i++) {
            sweep.sweep();
        }
        assertThat(count("""
                SELECT count(*) FROM sla_notice n JOIN ticket t ON t.id = n.ticket_id
                 WHERE t.year = 2097 AND n.level = 'REMINDER'
                """)).isEqualTo(520);
        assertThat(count("""
                SELECT count(*) FROM case_step s JOIN ticket t ON t.id = s.ticket_id
                 WHERE t.year = 2097 AND s.next_notice_at > now() + interval '5 minutes'
                """)).isEqualTo(520);
        // clean-up for the tests after this one: these cases leave the SLA, their queued mail the outbox
        jdbc.update("UPDATE case_step SET next_notice_at = NULL, deadline = deadline + interval '36500 days'"
                + " WHERE ticket_id IN (SELECT id FROM ticket WHERE year = 2097)");
        jdbc.update("UPDATE outbox SET status = 'FAILED', last_error = 'test clean-up' WHERE status = 'PENDING'"
                + " AND message_id IN (SELECT m.id FROM message m JOIN ticket t ON t.id = m.ticket_id WHERE t.year = 2097)");
    }
}
