package id.go.trenggalekkab.csirt.digest;

import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.parse;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.MovableClock;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.system.Wib;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;

/**
 * The digest's figures checked against a known set of cases. The cases are placed in a
 * week of their own, far ahead on the movable clock, so that other tests' cases do not
 * count in the period's figures.
 */
class WeeklyDigestTest extends DeskIntegrationTest {

    @Autowired
    MovableClock clock;

    @Autowired
    WeeklyDigest weeklyDigest;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @org.junit.jupiter.api.BeforeEach
    void isolateFromOtherTestsCases() {
        moveOpenDeadlinesOutOfReach();
    }

    @Test
    void theWeeksFiguresTheMailAndItsChart() throws Exception {
        clock.advance(Duration.ofDays(800));
        if (clock.instant().atZone(Wib.ZONE).getDayOfWeek() == DayOfWeek.SUNDAY) {
            // keep the half hour added below inside the same week
            clock.advance(Duration.ofDays(1));
        }
        LocalDate monday = clock.instant().atZone(Wib.ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String intrusion = newCase("Server dinas dibobol");
        String notAnIncident = newCase("Email promosi");
        String ignored = newCase("Laporan yang belum disentuh");

        command(People.OFFICER, intrusion, "#verifikasi #kategori intrusions #prioritas tinggi", "Akses root tidak sah.");
        command(People.OFFICER, notAnIncident, "#bukan-insiden", "Spam biasa.");
        await().atMost(PATIENCE).until(() -> step(notAnIncident) == CaseStep.NOT_AN_INCIDENT
                && step(intrusion) == CaseStep.ANALYSIS);
        // high priority: the report upward is owed, and sent this week
        command(People.OFFICER, intrusion, "#lapor-bssn", "Akses root tidak sah pada server dinas.");
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM upward_report u JOIN ticket t ON t.id = u.ticket_id"
                + " WHERE t.number = ? AND u.sent_at IS NOT NULL", intrusion) == 1);
        clock.advance(Duration.ofMinutes(30));

        JsonNode d = http.getForObject("/api/digest?from=" + monday + "&to=" + monday.plusWeeks(1), JsonNode.class);
        assertThat(d.path("received").asLong()).isEqualTo(3);
        assertThat(d.path("verified").asLong()).isEqualTo(1);
        assertThat(d.path("notIncidents").asLong()).isEqualTo(1);
        assertThat(d.path("closed").asLong()).isZero();
        assertThat(d.path("receivedByCategory").path("intrusions").asLong()).isEqualTo(1);
        assertThat(d.path("receivedByCategory").path("belum dikategorikan").asLong()).isEqualTo(2);
        JsonNode verification = null;
        for (JsonNode t : d.path("timeliness")) {
            if (t.path("step").asText().equals("VERIFICATION")) {
                verification = t;
            }
        }
        assertThat(verification).isNotNull();
        assertThat(verification.path("completed").asLong()).isEqualTo(2);
        assertThat(verification.path("met").asLong()).isEqualTo(2);
        assertThat(d.path("overdue").findValuesAsText("ticket")).contains(ignored).doesNotContain(intrusion);
        // steps 1-3: the three acknowledgements went out well within 25 minutes of receipt
        JsonNode intake = d.path("timeliness").get(0);
        assertThat(intake.path("step").asText()).isEqualTo("INTAKE");
        assertThat(intake.path("completed").asLong()).isEqualTo(3);
        assertThat(intake.path("met").asLong()).isEqualTo(3);
        assertThat(d.path("openCases").findValuesAsText("tag")).contains("[" + ignored + "]", "[" + intrusion + "]")
                .doesNotContain("[" + notAnIncident + "]");
        assertThat(d.path("openByStepAndPriority").path("ANALYSIS").path("HIGH").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(d.path("reportsUpward").path("sent").asLong()).isEqualTo(1);
        assertThat(d.path("reportsUpward").path("sentLate").asLong()).isZero();

        HttpHeaders authorized = new HttpHeaders();
        authorized.setBearerAuth(API_TOKEN);
        JsonNode sent = http.postForObject("/api/digest/send?from=" + monday + "&to=" + monday.plusWeeks(1),
                new HttpEntity<>(authorized), JsonNode.class);
        assertThat(sent.path("recipients").asInt()).isEqualTo(1);
        String period = monday.getDayOfMonth() + " ";
        MimeMessage mail = await().atMost(PATIENCE).until(() -> inboxOf(People.KADIS).stream().map(raw -> parse(raw))
                .filter(m -> TestMail.subjectOf(m).startsWith("Ringkasan mingguan") && TestMail.subjectOf(m).contains(period)
                        && TestMail.subjectOf(m).contains(String.valueOf(monday.getYear()))).findFirst().orElse(null), m -> m != null);
        Multipart alternative = (Multipart) mail.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Laporan diterima     : 3")
                .contains("Laporan ke CSIRT sektoral/nasional (Peraturan BSSN 1/2024): 1 dikirim")
                .contains("[" + ignored + "]");
        Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
        String html = (String) related.getBodyPart(0).getContent();
        assertThat(html).contains("cid:chart-open-cases").contains("<td>3</td>");
        BodyPart chart = related.getBodyPart(1);
        assertThat(chart.getContentType()).startsWith("image/png");
        assertThat(chart.getHeader("Content-ID")[0]).isEqualTo("<chart-open-cases>");
        byte[] png = chart.getInputStream().readAllBytes();
        assertThat(png).hasSizeGreaterThan(1000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void theWeeklyDigestRouteClaimsLastWeekAndQueuesItForTheKadisOnce() throws Exception {
        clock.advance(Duration.ofDays(3000));
        Period week = weeklyDigest.lastWeek();
        int queuedBefore = count("SELECT count(*) FROM logbook WHERE event = 'DIGEST_QUEUED'");
        assertThat(runRoute("weekly-digest").getException()).isNull();
        assertThat(count("SELECT count(*) FROM digest_sent WHERE period_start = ?", Timestamp.from(week.start())))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM logbook WHERE event = 'DIGEST_QUEUED'")).isEqualTo(queuedBefore + 1);
        // fired again (another instance, a restart): claimed already, nothing queued
        assertThat(runRoute("weekly-digest").getException()).isNull();
        assertThat(count("SELECT count(*) FROM logbook WHERE event = 'DIGEST_QUEUED'")).isEqualTo(queuedBefore + 1);
    }

    @Test
    void theScheduledDigestGoesOutOncePerWeek() {
        clock.advance(Duration.ofDays(2000));
        assertThat(weeklyDigest.sendLastWeek()).isTrue();
        assertThat(weeklyDigest.sendLastWeek()).isFalse();
    }

    @Test
    void timeWaitingOnReportersIsShownApartFromTheStepsTimes() {
        clock.advance(Duration.ofDays(4000));
        if (clock.instant().atZone(Wib.ZONE).getDayOfWeek() == DayOfWeek.SUNDAY) {
            clock.advance(Duration.ofDays(1));
        }
        LocalDate monday = clock.instant().atZone(Wib.ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String answering = uniqueAddress("digest-jawab");
        String answered = newCase(answering, "Akun email dinas diambil alih");
        String silent = newCase("Situs dinas kesehatan berisi iklan judi");
        command(People.OFFICER, answered, "#tanya", "Apakah kata sandi pernah dibagikan?");
        await().atMost(PATIENCE).until(() -> waits(answered) == 1);
        clock.advance(Duration.ofMinutes(45));
        TestMail.deliver(answering, TestMail.report(answering, "Re: [" + answered + "] jawaban", "Tidak pernah."));
        await().atMost(PATIENCE).until(() -> logbookEvents(answered).contains("REPORTER_ANSWERED"));
        command(People.OFFICER, silent, "#tanya", "Halaman mana saja?");
        await().atMost(PATIENCE).until(() -> waits(silent) == 1);
        clock.advance(Duration.ofMinutes(30));

        JsonNode d = http.getForObject("/api/digest?from=" + monday + "&to=" + monday.plusWeeks(1), JsonNode.class);
        JsonNode waiting = d.path("waitingOnReporters");
        assertThat(waiting.path("questions").asLong()).isEqualTo(2);
        assertThat(waiting.path("minutesWaited").asLong()).isBetween(74L, 77L);
        assertThat(waiting.path("stillWaiting").asLong()).isEqualTo(1);
    }

    private int waits(String ticket) {
        return count("SELECT count(*) FROM reporter_wait w JOIN ticket t ON t.id = w.ticket_id WHERE t.number = ?", ticket);
    }

    private String newCase(String subject) {
        return newCase(uniqueAddress("digest"), subject);
    }

}
