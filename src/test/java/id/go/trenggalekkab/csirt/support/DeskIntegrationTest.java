package id.go.trenggalekkab.csirt.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole desk: its routes poll a real IMAP server and send
 * through a real SMTP server (GreenMail), and it stores in a real PostgreSQL. All such
 * tests share one Spring context (same properties), so they use addresses and
 * Message-IDs of their own rather than clean databases.
 */
@CamelSpringBootTest
@Import({PoisonMessages.class, TestClockConfiguration.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "csirt.embedded.enabled=false",
    "csirt.imap.poll-delay=200",
    "csirt.outbox.poll-interval=200",
    "csirt.outbox.initial-backoff=200ms",
    "csirt.outbox.max-backoff=1s",
    "server.address=127.0.0.1"
})
public abstract class DeskIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestServers.postgres().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestServers.smtpProxy().port());
        registry.add("csirt.imap.url", () -> "imap://127.0.0.1:" + TestServers.imapPort());
        registry.add("csirt.imap.user", () -> TestServers.DESK);
        registry.add("csirt.imap.password", () -> TestServers.DESK);
    }

    /** Delivers a report from this reporter and returns its ticket number once it exists. */
    protected String newCase(String reporter, String subject) {
        String id = TestMail.newMessageId();
        TestMail.deliver(reporter, TestMail.report(reporter, subject, "Mohon ditindaklanjuti.", "Message-ID: " + id));
        return awaitTicketOf(id);
    }

    /** The ticket number that the inbound message with this Message-ID landed on, once it has. */
    protected String awaitTicketOf(String messageId) {
        await().atMost(PATIENCE).until(() -> ticketOf(messageId) != null);
        return ticketOf(messageId);
    }

    protected String ticketOf(String messageId) {
        List<String> numbers = jdbc.queryForList("""
                SELECT t.number FROM message m JOIN ticket t ON t.id = m.ticket_id
                 WHERE m.message_id = ? AND m.direction = 'IN' ORDER BY m.id LIMIT 1
                """, String.class, messageId);
        return numbers.isEmpty() ? null : numbers.get(0);
    }

    protected List<String> logbookEvents(String ticketNumber) {
        return jdbc.queryForList("""
                SELECT l.event FROM logbook l JOIN ticket t ON t.id = l.ticket_id WHERE t.number = ? ORDER BY l.id
                """, String.class, ticketNumber);
    }

    /**
     * Test isolation for tests that move the clock: the shared database holds other tests'
     * open cases, which a moved clock would make overdue for every SLA sweep (the
     * background one included). Their deadlines move out of reach; the named tickets keep theirs.
     */
    protected void moveOpenDeadlinesOutOfReach(String... except) {
        jdbc.update("""
                UPDATE case_step s SET deadline = deadline + interval '36500 days',
                                       next_notice_at = next_notice_at + interval '36500 days'
                  FROM ticket t
                 WHERE t.id = s.ticket_id AND NOT (t.number = ANY (?)) AND s.left_at IS NULL AND s.deadline IS NOT NULL
                """, (Object) except);
    }

    protected int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
