package id.go.trenggalekkab.csirt.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.intake.IntakeOutcome;
import id.go.trenggalekkab.csirt.intake.automatic.AutomaticMailDetector;
import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.RawMessage;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole desk: its routes poll a real IMAP server and send
 * through a real SMTP server (GreenMail), and it stores in a real PostgreSQL, as the
 * database role a deployment gives it ({@link TestServers#DESK_ROLE}; {@code jdbc} is that
 * role's, {@link TestServers#ownerJdbc()} the tables' owner's). All such
 * tests share one Spring context (same properties), so they use addresses and
 * Message-IDs of their own rather than clean databases.
 *
 * <p>The vocabulary the tests share: deliver a report and get its ticket, write a command
 * as a person in the directory would, read a case through the API, read a mailbox, and
 * wait until the desk has nothing left to do before asserting that something did not happen.
 */
@CamelSpringBootTest
@Import({PoisonMessages.class, TestClockConfiguration.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "csirt.embedded.enabled=false",
    "csirt.imap.poll-delay=200",
    "csirt.oversight.unseen-check-period=200",
    // Spring Boot switches metrics export off in tests; the desk's are part of what is tested
    "management.prometheus.metrics.export.enabled=true",
    "csirt.outbox.poll-interval=200",
    "csirt.outbox.initial-backoff=200ms",
    "csirt.outbox.max-backoff=1s",
    // GreenMail is the desk's own mail server here: the Received field it adds is the desk's own
    "csirt.commands.own-received=^from 127[.]0[.]0[.]1 [(]HELO ",
    "csirt.http.api-token=" + DeskIntegrationTest.API_TOKEN,
    // the API tests read without signing in, as on the embedded default; the web view's tests sign in
    "csirt.http.open-api=true",
    "csirt.misp.poll-interval=200",
    // systems marked vital: the report upward's 1x24-hour deadline (UpwardReportTest)
    "csirt.upward.vital-systems=sipd.trenggalekkab.go.id,10.77.0.0/16",
    "server.address=127.0.0.1"
})
public abstract class DeskIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    /** What a change over HTTP must carry in these tests: Authorization: Bearer API_TOKEN. */
    protected static final String API_TOKEN = "test-api-token";

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    private ProducerTemplate camel;

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private MailParser parser;

    @Autowired
    private AutomaticMailDetector automaticMail;

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestServers.databaseUrl("postgres"));
        // as in production: migrations as the tables' owner, the desk as a role that may not change evidence
        registry.add("spring.datasource.username", () -> TestServers.DESK_ROLE);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.flyway.password", () -> "");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestServers.smtpProxy().port());
        registry.add("csirt.imap.url", () -> "imap://127.0.0.1:" + TestServers.imapPort());
        registry.add("csirt.imap.user", () -> TestServers.DESK);
        registry.add("csirt.imap.password", () -> TestServers.DESK);
        registry.add("csirt.misp.url", () -> StandInMisp.instance().url());
        registry.add("csirt.misp.key", () -> StandInMisp.KEY);
    }

    /** Delivers a report from this reporter and returns its ticket number once it exists. */
    protected String newCase(String reporter, String subject) {
        String id = TestMail.newMessageId();
        TestMail.deliver(reporter, TestMail.report(reporter, subject, "Mohon ditindaklanjuti.", "Message-ID: " + id));
        return awaitTicketOf(id);
    }

    /**
     * A reply on the case's thread with commands in its subject and a note above a quoted
     * earlier message, from someone whose mail server the desk's server authenticated.
     */
    protected void command(String from, String ticket, String commands, String note) {
        TestMail.deliver(from, TestMail.reply(from, ticket, commands, note, true));
    }

    /** The same reply, but nothing authenticated its sender: a forged From, or a server without DKIM. */
    protected void unauthenticatedCommand(String from, String ticket, String commands, String note) {
        TestMail.deliver(from, TestMail.reply(from, ticket, commands, note, false));
    }

    /**
     * Takes a message in as the mailbox-intake route does after reading it (automatic mail
     * recognised, then route take-in, one transaction), without a mailbox: for messages
     * the mail server itself cannot hold, and for a crash between commit and move.
     */
    protected IntakeOutcome takeIn(byte[] raw) {
        InboundMail mail = new InboundMail(RawMessage.of(raw), parser.parse(raw), Instant.now(), null);
        return camel.requestBody("direct:take-in", automaticMail.recognise(mail), IntakeOutcome.class);
    }

    /**
     * Runs a timer-driven route once, now, as its timer would: through the route's own
     * consumer, stages, error handling and transaction. Returns the exchange it ran.
     */
    protected Exchange runRoute(String routeId) throws Exception {
        Route route = camelContext.getRoute(routeId);
        Exchange exchange = route.getEndpoint().createExchange();
        route.getConsumer().getProcessor().process(exchange);
        return exchange;
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

    /** The case as the API shows it: GET /api/tickets/{number}. */
    protected JsonNode ticket(String number) {
        return http.getForObject("/api/tickets/" + number, JsonNode.class);
    }

    /** The step the case is in, as the API shows it. */
    protected CaseStep step(String ticket) {
        return CaseStep.valueOf(ticket(ticket).path("status").asText());
    }

    protected void awaitStep(String ticket, CaseStep step) {
        await().atMost(PATIENCE).until(() -> step(ticket) == step);
    }

    /** The case's logbook events, oldest first, as the API shows them. */
    protected List<String> logbookEvents(String ticketNumber) {
        List<String> events = new ArrayList<>();
        ticket(ticketNumber).path("logbook").forEach(entry -> events.add(entry.path("event").asText()));
        return events;
    }

    /** Whether the API shows the inbound message with this Message-ID as a stranger's mail on the case. */
    protected boolean flaggedAsStrangers(String ticket, String messageId) {
        return ticket(ticket).path("messages").findParents("messageId").stream()
                .filter(m -> m.path("messageId").asText().equals(messageId))
                .anyMatch(m -> m.path("nonParticipant").asBoolean());
    }

    /** Mail in a person's inbox about this case whose subject contains the words. */
    protected static List<MimeMessage> mailsAbout(String mailbox, String ticket, String subjectPart) {
        return TestMail.inboxOf(mailbox, "[" + ticket + "]").stream().map(TestMail::parse)
                .filter(m -> TestMail.subjectOf(m).contains("[" + ticket + "]")
                        && TestMail.subjectOf(m).contains(subjectPart))
                .toList();
    }

    /** The latest such mail, or null while there is none. */
    protected static MimeMessage lastMailAbout(String mailbox, String ticket, String subjectPart) {
        List<MimeMessage> found = mailsAbout(mailbox, ticket, subjectPart);
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    /**
     * Waits until the desk has nothing left to do: every mail delivered to it taken in (its
     * inbox empty: a message leaves only once its transaction has committed) and every mail
     * it queued handed to the SMTP server (no due row in the outbox). What has not happened
     * by then will not: a test can now assert that something was not done.
     */
    protected void awaitQuiet() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() ->
                TestMail.deskFolderCount("INBOX") == 0 && count("""
                        SELECT count(*) FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= now()
                        """) == 0);
    }

    /**
     * Test isolation for tests that move the clock: the shared database holds other tests'
     * open cases, which a moved clock would make overdue for every SLA sweep (the
     * background one included), and so would the report upward's deadlines. Their deadlines
     * move out of reach; the named tickets keep theirs.
     */
    protected void moveOpenDeadlinesOutOfReach(String... except) {
        jdbc.update("""
                UPDATE case_step s SET deadline = deadline + interval '36500 days',
                                       next_notice_at = next_notice_at + interval '36500 days'
                  FROM ticket t
                 WHERE t.id = s.ticket_id AND NOT (t.number = ANY (?)) AND s.left_at IS NULL AND s.deadline IS NOT NULL
                """, (Object) except);
        jdbc.update("""
                UPDATE upward_report u SET next_notice_at = next_notice_at + interval '36500 days'
                  FROM ticket t
                 WHERE t.id = u.ticket_id AND NOT (t.number = ANY (?)) AND u.next_notice_at IS NOT NULL
                """, (Object) except);
    }

    /** The quarantine row holding the message with this Message-ID, or null. */
    protected Long quarantineRowOf(String messageId) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM quarantine WHERE position(? in convert_from(raw, 'UTF8')) > 0",
                Long.class, messageId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    protected int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
