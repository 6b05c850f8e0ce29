package id.go.trenggalekkab.csirt.sla;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.CsirtMaildeskApplication;
import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two desks against one PostgreSQL, as two instances of a deployment: they sweep at the
 * same moments, and every reminder and escalation still goes out exactly once; one of
 * them stopping leaves the cluster's timer in place.
 */
class TwoInstancesTest extends DeskIntegrationTest {

    @Autowired
    SlaSweep firstInstance;

    @Autowired
    Directory directory;

    @Autowired
    java.time.Clock clock;

    @Test
    void everyNoticeIsSentOnceWhicheverInstanceSweeps() throws Exception {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String reporter = uniqueAddress("dua-" + i);
            String id = newMessageId();
            deliver(reporter, report(reporter, "Laporan " + i, "isi", "Message-ID: " + id));
            tickets.add(awaitTicketOf(id));
        }
        // entered 70 minutes ago: reminder (20), escalations at 40 and 60 minutes are due
        jdbc.update("""
                UPDATE case_step s SET entered_at = now() - interval '70 minutes', deadline = now() - interval '50 minutes',
                                       next_notice_at = now() - interval '50 minutes'
                  FROM ticket t WHERE t.id = s.ticket_id AND t.number = ANY (?) AND s.left_at IS NULL
                """, (Object) tickets.toArray(String[]::new));

        // the reminder goes to the officers on duty at the sweep, every officer outside anyone's duty
        int officersInCharge = directory.inCharge(null, clock.instant()).size();
        assertThat(officersInCharge).as("someone is always in charge").isPositive();
        try (ConfigurableApplicationContext secondInstance = startSecondInstance()) {
            SlaSweep second = secondInstance.getBean(SlaSweep.class);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sweeps.add(firstInstance::sweep);
                sweeps.add(second::sweep);
            }
            for (Future<Integer> f : pool.invokeAll(sweeps)) {
                f.get();
            }
            pool.shutdown();
        }

        for (String ticket : tickets) {
            assertThat(jdbc.queryForList("""
                    SELECT n.level FROM sla_notice n JOIN ticket t ON t.id = n.ticket_id WHERE t.number = ?
                     ORDER BY n.due_at
                    """, String.class, ticket)).containsExactly("REMINDER", "ESCALATION_1", "ESCALATION_2");
            // one reminder to each officer in charge, two escalations to two supervisors each
            assertThat(count("""
                    SELECT count(*) FROM message m JOIN ticket t ON t.id = m.ticket_id
                     WHERE t.number = ? AND m.kind IN ('SLA_REMINDER', 'SLA_ESCALATION')
                    """, ticket)).isEqualTo(officersInCharge + 2 * 2);
        }
        // the second instance stopped; the cluster's timer is still there for the first
        assertThat(count("SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'csirt-sla'")).isEqualTo(1);
        firstInstance.sweep();
        for (String ticket : tickets) {
            assertThat(count("SELECT count(*) FROM sla_notice n JOIN ticket t ON t.id = n.ticket_id WHERE t.number = ?",
                    ticket)).isEqualTo(3);
        }
    }

    /** The second desk polls a mailbox of its own: the timers are under test, not two readers of one inbox. */
    private static ConfigurableApplicationContext startSecondInstance() {
        String mailbox = "second-desk@trenggalekkab.go.id";
        TestServers.greenMail().setUser(mailbox, mailbox, mailbox);
        return new SpringApplicationBuilder(CsirtMaildeskApplication.class).run(
                "--csirt.embedded.enabled=false",
                "--server.port=0",
                "--spring.datasource.url=" + TestServers.postgres().getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestServers.smtpProxy().port(),
                "--csirt.imap.url=imap://127.0.0.1:" + TestServers.imapPort(),
                "--csirt.imap.user=" + mailbox,
                "--csirt.imap.password=" + mailbox,
                "--csirt.imap.poll-delay=200");
    }
}
