package id.go.trenggalekkab.csirt.outbound;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A mail server that will not take the desk's mail at all (measured: a wrong STARTTLS
 * setting answered "530 5.7.0 Must issue a STARTTLS command first" to every mail, and the
 * desk gave each acknowledgement up as FAILED within 35 s while its health said UP). That
 * is the desk's configuration, not the mail's: the outbox waits, health says why, and the
 * mail goes once the server takes it.
 */
class SmtpRefusingTheDeskTest extends DeskIntegrationTest {

    @AfterEach
    void serverTakesMailAgain() {
        TestServers.smtpProxy().answerInstead(null, null);
    }

    @Test
    void aServerRequiringTlsPausesTheOutboxInsteadOfFailingEveryMail() {
        // earlier tests' mail gone, the server taking mail: what follows is this test's doing
        awaitQuiet();
        await().atMost(PATIENCE).until(() -> outboxHealth().path("status").asText().equals("UP"));
        TestServers.smtpProxy().answerInstead(Pattern.compile("(?i)^MAIL FROM:"),
                "530 5.7.0 Must issue a STARTTLS command first");
        String reporter = uniqueAddress("tls");
        String ticket = newCase(reporter, "Laporan saat SMTP salah setel");
        await().atMost(PATIENCE).until(() -> outboxHealth().path("status").asText().equals("DOWN"));
        assertThat(outboxHealth().path("details").path("problem").asText()).contains("STARTTLS");
        // longer than the five attempts after which a rejected mail is given up
        await().pollDelay(Duration.ofSeconds(6)).atMost(PATIENCE).until(() -> true);
        assertThat(count("""
                SELECT count(*) FROM outbox o JOIN message m ON m.id = o.message_id
                 WHERE m.to_address = ? AND m.kind = 'ACKNOWLEDGEMENT' AND o.status = 'PENDING'
                """, reporter)).isEqualTo(1);

        TestServers.smtpProxy().answerInstead(null, null);
        await().atMost(PATIENCE).until(() -> count("""
                SELECT count(*) FROM outbox o JOIN message m ON m.id = o.message_id
                 WHERE m.to_address = ? AND m.kind = 'ACKNOWLEDGEMENT' AND o.status = 'SENT'
                """, reporter) == 1);
        await().atMost(PATIENCE).until(() -> !mailsAbout(reporter, ticket, "Laporan diterima").isEmpty());
        await().atMost(PATIENCE).until(() -> outboxHealth().path("status").asText().equals("UP"));
        assertThat(count("""
                SELECT count(*) FROM outbox o JOIN message m ON m.id = o.message_id
                 WHERE m.to_address = ? AND o.status = 'FAILED'
                """, reporter)).isZero();
    }

    private JsonNode outboxHealth() {
        return http.getForObject("/actuator/health", JsonNode.class).path("components").path("outbox");
    }
}
