package id.go.trenggalekkab.csirt.oversight;

import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.MovableClock;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.PoisonMessages;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.system.Wib;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The officers' morning summary checked against a known set of cases, placed far ahead on
 * the movable clock with every other test's deadline out of reach, so that the day's
 * figures are this test's alone.
 */
class DailySummaryTest extends DeskIntegrationTest {

    private static final String SUMMARY = "Ringkasan harian";

    @Autowired
    MovableClock clock;

    @Autowired
    DailySummary dailySummary;

    @BeforeEach
    void isolateFromOtherTestsCases() {
        moveOpenDeadlinesOutOfReach();
        // other tests' questions still waiting would be news every day
        jdbc.update("UPDATE reporter_wait SET ended_at = asked_at WHERE ended_at IS NULL");
        clock.advance(Duration.ofDays(6000));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDayWithNothingToSaySendsNothingAndADayWithNewsSendsItOnce() throws Exception {
        int summariesBefore = summaries(People.OFFICER);
        assertThat(runRoute("daily-summary").getException()).isNull();
        assertThat(count("SELECT count(*) FROM daily_summary_sent WHERE day = ? AND said_nothing",
                Wib.at(clock.instant()).toLocalDate())).isEqualTo(1);
        awaitQuiet();
        assertThat(summaries(People.OFFICER)).isEqualTo(summariesBefore);

        clock.advance(Duration.ofDays(1));
        String reporter = uniqueAddress("harian");
        String untouched = newCase(reporter, "Situs desa tidak bisa diakses");
        String verified = newCase(uniqueAddress("harian"), "Akun email kepala desa diretas");
        command(People.OFFICER, verified, "#verifikasi #kategori intrusions #prioritas tinggi", "Benar.");
        awaitStep(verified, CaseStep.ANALYSIS);
        command(People.OFFICER, verified, "#tanya", "Kapan terakhir bisa masuk?");
        TestMail.deliver(reporter, report(reporter, "Re: [" + untouched + "] Automatic reply", "Sedang cuti.",
                "Auto-Submitted: auto-replied"));
        String poison = newMessageId();
        TestMail.deliver("racun@example.org", report("racun@example.org", "Racun", "x", "Message-ID: " + poison,
                PoisonMessages.HEADER + ": yes"));
        await().atMost(PATIENCE).until(() -> count("""
                SELECT count(*) FROM quarantine WHERE position(? in convert_from(raw, 'UTF8')) > 0""", poison) == 1);
        awaitQuiet();
        clock.advance(Duration.ofMinutes(30));

        DailySummary.Figures figures = dailySummary.figures();
        assertThat(figures.newCases()).extracting(DailySummaryRepository.CaseLine::ticket).containsExactly(untouched, verified);
        assertThat(figures.overdue()).extracting(DailySummaryRepository.CaseLine::ticket)
                .as("step 4 has 20 minutes").containsExactly(untouched);
        assertThat(figures.dueSoon()).extracting(DailySummaryRepository.CaseLine::ticket)
                .as("step 6 has a day").containsExactly(verified);
        assertThat(figures.waitingOnReporters()).isEqualTo(1);
        assertThat(figures.quarantined()).isEqualTo(1);
        assertThat(figures.automaticOnCases()).isEqualTo(1);
        assertThat(figures.undeliverable()).isZero();

        assertThat(runRoute("daily-summary").getException()).isNull();
        for (String officer : List.of(People.OFFICER, People.PIKET)) {
            MimeMessage summary = await().atMost(PATIENCE).until(() -> lastSummary(officer), m -> m != null);
            assertThat(TestMail.textOf(summary)).contains("[" + untouched + "] Situs desa tidak bisa diakses - langkah 4")
                    .contains("[" + verified + "] Akun email kepala desa diretas - langkah 6: Analisis dan evaluasi, batas ")
                    .contains("Menunggu jawaban pelapor (#tanya)       : 1 kasus")
                    .contains("Pesan dikarantina                       : 1")
                    .contains("Pesan otomatis pada kasus (tanpa pemberitahuan): 1");
        }
        int sent = summaries(People.OFFICER);
        assertThat(runRoute("daily-summary").getException()).isNull();
        awaitQuiet();
        assertThat(summaries(People.OFFICER)).as("once per day, whoever fires").isEqualTo(sent);
    }

    private static int summaries(String officer) {
        return (int) TestMail.inboxOf(officer).stream().map(TestMail::parse)
                .filter(m -> TestMail.subjectOf(m).startsWith(SUMMARY)).count();
    }

    private MimeMessage lastSummary(String officer) {
        String day = Wib.human(clock.instant()).substring(0, 10);
        return TestMail.inboxOf(officer).stream().map(TestMail::parse)
                .filter(m -> TestMail.subjectOf(m).startsWith(SUMMARY) && TestMail.subjectOf(m).contains(day))
                .reduce((a, b) -> b).orElse(null);
    }
}
