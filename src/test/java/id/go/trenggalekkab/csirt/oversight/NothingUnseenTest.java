package id.go.trenggalekkab.csirt.oversight;

import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.MovableClock;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.PoisonMessages;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Mail that goes to quarantine, and mail the desk gives up delivering, reach the officers
 * at once, never more than one alert in ten minutes; quarantined mail is listed with its
 * reason and taken in again once the cause is fixed. The alert cap runs on the desk's
 * clock, which each test first moves past the last alert of earlier tests.
 */
class NothingUnseenTest extends DeskIntegrationTest {

    private static final String ALERT = "Peringatan: ";

    @Autowired
    MovableClock clock;

    @Autowired
    UnseenMail unseenMail;

    @BeforeEach
    void openTheAlertCap() {
        moveOpenDeadlinesOutOfReach();
        // what earlier tests left unalerted is told now, so that this test's alert has a window of its own
        pastTheLastAlert();
        unseenMail.alertOfficers();
        pastTheLastAlert();
    }

    private void pastTheLastAlert() {
        java.sql.Timestamp last = jdbc.queryForObject("SELECT max(sent_at) FROM unseen_mail_alert", java.sql.Timestamp.class);
        Duration sinceLast = last == null ? Duration.ZERO : Duration.between(last.toInstant(), clock.instant());
        clock.advance(Duration.ofMinutes(11).minus(sinceLast.isNegative() ? sinceLast : Duration.ZERO));
    }

    @AfterEach
    void resetFaults() {
        clock.reset();
        PoisonMessages.CAUSE_FIXED.set(false);
        TestServers.smtpProxy().rejectRecipients(null);
    }

    @Test
    void quarantinedMailIsAlertedListedAndTakenInAgainOnceItsCauseIsFixed() {
        String reporter = uniqueAddress("karantina");
        String id = newMessageId();
        TestMail.deliver(reporter, report(reporter, "Laporan yang memicu bug", "Situs diretas.", "Message-ID: " + id,
                PoisonMessages.UNTIL_FIXED + ": yes"));
        long quarantined = awaitQuarantined(id);

        for (String officer : List.of(People.OFFICER, People.PIKET)) {
            MimeMessage alert = await().atMost(PATIENCE).until(() -> alertListing(officer, quarantined), m -> m != null);
            assertThat(TestMail.textOf(alert)).contains("fails until its cause is fixed")
                    .contains("POST /api/quarantine/<nomor>/replay");
        }
        JsonNode listed = listed(quarantined);
        assertThat(listed.path("reason").asText()).contains("fails until its cause is fixed");
        assertThat(listed.path("sha256").asText()).hasSize(64);

        assertThat(http.postForEntity("/api/quarantine/" + quarantined + "/replay", null, String.class).getStatusCode())
                .as("a replay is a change: it needs the API token").isEqualTo(HttpStatus.UNAUTHORIZED);
        JsonNode stillBroken = replay(quarantined).getBody();
        assertThat(stillBroken.path("outcome").asText()).startsWith("failed again").contains("fails until its cause is fixed");
        assertThat(ticketOf(id)).isNull();

        PoisonMessages.CAUSE_FIXED.set(true);
        JsonNode fixed = replay(quarantined).getBody();
        assertThat(fixed.path("outcome").asText()).startsWith("taken in: new ticket TTIS-");
        assertThat(ticketOf(id)).isEqualTo(fixed.path("ticket").asText());
        await().atMost(PATIENCE).until(() -> mailsAbout(reporter, ticketOf(id), "Laporan diterima").size() == 1);
        assertThat(replay(quarantined).getBody().path("outcome").asText()).startsWith("already taken in before");
        assertThat(listed(quarantined).path("replays")).hasSize(3);
        assertThat(count("SELECT count(*) FROM logbook WHERE event = 'QUARANTINE_REPLAYED' AND detail LIKE ?",
                "quarantined message #" + quarantined + ":%")).isEqualTo(3);
        assertThat(replay(Long.MAX_VALUE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aSupervisorReplaysQuarantinedMailByMailAndNobodyElseCan() {
        String reporter = uniqueAddress("karantina-surat");
        String id = newMessageId();
        TestMail.deliver(reporter, report(reporter, "Laporan yang memicu bug", "Situs diretas.", "Message-ID: " + id,
                PoisonMessages.UNTIL_FIXED + ": yes"));
        long quarantined = awaitQuarantined(id);
        PoisonMessages.CAUSE_FIXED.set(true);

        // an officer is no supervisor: their mail is a report like any other, and replays nothing
        TestMail.deliver(People.OFFICER, report(People.OFFICER, "#ulang-karantina " + quarantined, "Tolong diproses.",
                "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=trenggalekkab.go.id"));
        // a forged supervisor: a security event, nothing replayed, nothing answered
        TestMail.deliver(People.KASI, report(People.KASI, "#ulang-karantina " + quarantined, "Palsu."));
        awaitQuiet();
        assertThat(ticketOf(id)).isNull();
        assertThat(count("SELECT count(*) FROM logbook WHERE event = 'SECURITY_EVENT' AND actor = ? AND detail LIKE ?",
                People.KASI, "%#ulang-karantina " + quarantined + "%")).isEqualTo(1);

        TestMail.deliver(People.KABID, report(People.KABID, "#ulang-karantina " + quarantined, "",
                "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=trenggalekkab.go.id"));
        MimeMessage reply = await().atMost(PATIENCE).until(() -> TestMail.inboxOf(People.KABID).stream().map(TestMail::parse)
                .filter(m -> TestMail.subjectOf(m).startsWith("Hasil perintah desk")
                        && TestMail.textOf(m).contains("#ulang-karantina " + quarantined + ":"))
                .findFirst().orElse(null), m -> m != null);
        assertThat(TestMail.textOf(reply)).contains("diterapkan - taken in: new ticket TTIS-");
        assertThat(ticketOf(id)).isNotNull();
        assertThat(listed(quarantined).path("replays").get(0).path("actor").asText()).isEqualTo(People.KABID);
    }

    @Test
    void atMostOneAlertInTenMinutesAndTheNextListsWhatCameSince() {
        String first = newMessageId();
        TestMail.deliver("racun@example.org", report("racun@example.org", "Racun pertama", "x", "Message-ID: " + first,
                PoisonMessages.HEADER + ": yes"));
        long firstRow = awaitQuarantined(first);
        await().atMost(PATIENCE).until(() -> alertListing(People.OFFICER, firstRow) != null);

        String second = newMessageId();
        TestMail.deliver("racun@example.org", report("racun@example.org", "Racun kedua", "x", "Message-ID: " + second,
                PoisonMessages.HEADER + ": yes"));
        long secondRow = awaitQuarantined(second);
        awaitQuiet();
        clock.advance(Duration.ofMinutes(9));
        awaitQuiet();
        assertThat(alertListing(People.OFFICER, secondRow)).as("within ten minutes of the last alert").isNull();

        clock.advance(Duration.ofMinutes(2));
        MimeMessage next = await().atMost(PATIENCE).until(() -> alertListing(People.OFFICER, secondRow), m -> m != null);
        assertThat(TestMail.textOf(next)).doesNotContain("#" + firstRow + " ");
    }

    @Test
    void mailGivenUpAsUndeliverableIsAlerted() {
        TestServers.smtpProxy().rejectRecipients(Pattern.compile("(?i)@tidak-ada\\.example>"));
        String reporter = "pelapor-" + System.nanoTime() + "@tidak-ada.example";
        String ticket = newCase(reporter, "Alamat balasan yang ditolak");
        await().atMost(PATIENCE).until(() -> count("""
                SELECT count(*) FROM outbox o JOIN message m ON m.id = o.message_id
                 WHERE m.to_address = ? AND o.status = 'FAILED'
                """, reporter) == 1);
        MimeMessage alert = await().atMost(PATIENCE).until(() -> TestMail.inboxOf(People.OFFICER).stream()
                .map(TestMail::parse).filter(m -> TestMail.subjectOf(m).startsWith(ALERT)
                        && TestMail.textOf(m).contains(reporter)).findFirst().orElse(null), m -> m != null);
        assertThat(TestMail.textOf(alert)).contains("[" + ticket + "] ACKNOWLEDGEMENT kepada " + reporter)
                .contains("550 5.1.1");
    }

    private long awaitQuarantined(String messageId) {
        await().atMost(PATIENCE).until(() -> quarantineRowOf(messageId) != null);
        return quarantineRowOf(messageId);
    }

    /** The alert in this officer's inbox that lists quarantined message #id, or null. */
    private static MimeMessage alertListing(String officer, long quarantineId) {
        return TestMail.inboxOf(officer).stream().map(TestMail::parse)
                .filter(m -> TestMail.subjectOf(m).startsWith(ALERT) && TestMail.textOf(m).contains("#" + quarantineId + " "))
                .findFirst().orElse(null);
    }

    private JsonNode listed(long quarantineId) {
        for (JsonNode q : http.getForObject("/api/quarantine", JsonNode.class)) {
            if (q.path("id").asLong() == quarantineId) {
                return q;
            }
        }
        throw new AssertionError("quarantined message #" + quarantineId + " not listed");
    }

    private ResponseEntity<JsonNode> replay(long quarantineId) {
        HttpHeaders authorized = new HttpHeaders();
        authorized.setBearerAuth(API_TOKEN);
        return http.postForEntity("/api/quarantine/" + quarantineId + "/replay", new HttpEntity<>(authorized), JsonNode.class);
    }
}
