package id.go.trenggalekkab.csirt.outbound;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reporter's mail server that answers 4xx to the desk's {@code RCPT TO} (greylisting,
 * a full mailbox, or a stranger's server doing it on purpose) defers that reporter's
 * mail, not the desk's: the outbox used to take any 4xx for the whole server's and hold
 * every acknowledgement behind the one it could not send.
 */
class GreylistingRecipientTest extends DeskIntegrationTest {

    private static final String ACKNOWLEDGEMENTS_TO = "SELECT count(*) FROM outbox o JOIN message m ON m.id = o.message_id"
            + " WHERE m.to_address = ? AND m.kind = 'ACKNOWLEDGEMENT'";

    private final String domain = "abu-abu-" + UUID.randomUUID().toString().substring(0, 8) + ".example";

    @AfterEach
    void recipientsServerTakesMailAgain() {
        TestServers.smtpProxy().answerInstead(null, null);
    }

    @Test
    void oneRecipientsDeferralHoldsBackOnlyThatMailUntilItIsTaken() {
        awaitQuiet();
        greylist();
        String greylisted = "pelapor@" + domain;
        String greylistedTicket = newCase(greylisted, "Laporan dari server yang menunda");
        await().atMost(PATIENCE).until(() ->
                count(ACKNOWLEDGEMENTS_TO + " AND o.status = 'PENDING' AND o.attempts > 0", greylisted) == 1);

        String other = uniqueAddress("tidak-tertunda");
        String otherTicket = newCase(other, "Laporan berikutnya");
        await().atMost(PATIENCE).until(() -> !mailsAbout(other, otherTicket, "Laporan diterima").isEmpty());

        assertThat(count(ACKNOWLEDGEMENTS_TO + " AND o.status = 'PENDING'", greylisted)).as("still waiting for its own server")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(ACKNOWLEDGEMENTS_TO.replace("count(*)", "o.last_error"), String.class, greylisted))
                .contains("450");
        assertThat(logbookEvents(greylistedTicket)).contains("ACKNOWLEDGEMENT_DELAYED").doesNotContain("ACKNOWLEDGEMENT_FAILED");
        assertThat(outboxHealth().path("status").asText()).as("the desk's own server is fine").isEqualTo("UP");

        TestServers.smtpProxy().answerInstead(null, null);
        await().atMost(PATIENCE).until(() -> !mailsAbout(greylisted, greylistedTicket, "Laporan diterima").isEmpty());
        assertThat(count(ACKNOWLEDGEMENTS_TO + " AND o.status = 'SENT'", greylisted)).isEqualTo(1);
    }

    @Test
    void aMailDeferredLongerThanMailServersWaitIsGivenUpAndLogged() {
        greylist();
        String greylisted = "pelapor-lama@" + domain;
        String ticket = newCase(greylisted, "Laporan yang terus ditunda");
        await().atMost(PATIENCE).until(() ->
                count(ACKNOWLEDGEMENTS_TO + " AND o.status = 'PENDING' AND o.attempts > 0", greylisted) == 1);

        // as if it had been deferred since five days ago (the desk gives up after four)
        jdbc.update("""
                UPDATE outbox o SET created_at = created_at - interval '5 days', next_attempt_at = now()
                  FROM message m WHERE m.id = o.message_id AND m.to_address = ?
                """, greylisted);
        await().atMost(PATIENCE).until(() -> count(ACKNOWLEDGEMENTS_TO + " AND o.status = 'FAILED'", greylisted) == 1);
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("ACKNOWLEDGEMENT_FAILED"));
        JsonNode failed = null;
        for (JsonNode entry : ticket(ticket).path("logbook")) {
            if (entry.path("event").asText().equals("ACKNOWLEDGEMENT_FAILED")) {
                failed = entry;
            }
        }
        assertThat(failed.path("detail").asText()).contains("450").contains("deferred by the recipient's server");
    }

    private void greylist() {
        TestServers.smtpProxy().answerInstead(Pattern.compile("(?i)^RCPT TO:.*@" + Pattern.quote(domain) + ">"),
                "450 4.2.0 Greylisted, try again later");
    }

    private JsonNode outboxHealth() {
        return http.getForObject("/actuator/health", JsonNode.class).path("components").path("outbox");
    }
}
