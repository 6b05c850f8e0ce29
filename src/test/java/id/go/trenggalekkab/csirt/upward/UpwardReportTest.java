package id.go.trenggalekkab.csirt.upward;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.MovableClock;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report upward (BSSN regulation 1/2024, art. 15): a high priority drafts it to the
 * officers; {@code #lapor-bssn} sends it to the sectoral CSIRT and the national one of the
 * directory, without the reporter's personal data; an incident on a vital system is held
 * to 1×24 hours by a reminder and escalations that the sending stops. And the attacks on
 * it: a reporter writing the command, a stranger planting a vital system's name, a CSIRT
 * upward answering with a command.
 */
class UpwardReportTest extends DeskIntegrationTest {

    static final String SECTORAL = "csirt-sektoral@pemerintahan.example";
    static final String NATIONAL = "csirt-nasional@bssn.example";

    @Autowired
    MovableClock clock;

    @Autowired
    UpwardDeadlineSweep sweep;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aHighPriorityIncidentIsDraftedToItsOfficerAndSentWithoutTheReportersPersonalData() throws Exception {
        String reporter = uniqueAddress("bssn");
        String id = TestMail.newMessageId();
        TestMail.deliver(reporter, TestMail.report(reporter, "Situs dinas diubah tampilannya",
                "Halaman depan diganti pesan peretas, skrip dari hxxp://deface-kit[.]xyz/x.js.\n"
                        + "Hubungi saya di 0812-3456-7890 atau " + reporter + ".\n\nSalam,\nBudi Santoso\n",
                "Message-ID: " + id));
        String ticket = awaitTicketOf(id);
        command(People.OFFICER, ticket, "#verifikasi #tugaskan " + People.OFFICER, "Benar terjadi.");
        awaitStep(ticket, CaseStep.CATEGORISATION);
        assertThat(owed(ticket)).as("nothing owed before the risk is known").isEmpty();
        // a supervisor asks for the draft early: theirs alone; the one the case owes its officer still comes
        command(People.KABID, ticket, "#draf-bssn", "");
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.KABID, ticket, "DRAF") != null);

        command(People.OFFICER, ticket, "#kategori intrusions #prioritas tinggi", "Risiko tinggi.");
        MimeMessage draft = await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, "DRAF"),
                m -> m != null);
        String draftText = TestMail.textOf(draft);
        assertThat(draftText).contains("#lapor-bssn", SECTORAL, NATIONAL + "> (tembusan)", "Prioritas (tingkat risiko): tinggi",
                "hxxp[://]deface-kit[.]xyz/x.js", "langkah 5: Kategorisasi", "[nomor telepon]");
        assertThat(draftText).as("the reporter's personal data, and a live link")
                .doesNotContain(reporter, "0812-3456-7890", "Budi Santoso", "http://deface-kit.xyz");
        assertThat(TestMail.subjectOf(draft)).as("replying to the draft must not send it").doesNotContain("#");
        assertThat(owed(ticket).orElseThrow()).containsEntry("high_priority", true);
        assertThat(mailsAbout(SECTORAL, ticket, "")).as("a draft goes to nobody outside").isEmpty();

        command(People.OFFICER, ticket, "#lapor-bssn", "Tampilan situs diubah selama 3 jam; layanan izin daring terhenti.");
        MimeMessage report = await().atMost(PATIENCE).until(() -> lastMailAbout(SECTORAL, ticket, "Laporan insiden siber"),
                m -> m != null);
        MimeMessage copy = await().atMost(PATIENCE).until(() -> lastMailAbout(NATIONAL, ticket, "Laporan insiden siber"),
                m -> m != null);
        String text = TestMail.textOf(report);
        assertThat(text).contains("Tampilan situs diubah selama 3 jam", "TTIS Trenggalekkab <csirt@trenggalekkab.go.id>",
                "Kronologi", "laporan diterima", "langkah 4: Verifikasi", "laporan ini dikirim", "intrusions",
                "hxxp[://]deface-kit[.]xyz/x.js", "TLP:AMBER", "Laporan ini juga dikirim kepada: CSIRT Nasional (BSSN)");
        assertThat(text + TestMail.textOf(copy)).doesNotContain(reporter, "0812-3456-7890", "Budi", "Salam");
        assertThat(TestMail.subjectOf(report)).contains("[TLP:AMBER]");

        Map<String, Object> sent = owed(ticket).orElseThrow();
        assertThat(sent).containsEntry("sent_by", People.OFFICER).containsEntry("times_sent", 1);
        assertThat(logbookEvents(ticket)).contains("UPWARD_REPORT_DUE", "REPORTED_UPWARD", "UPWARD_REPORT_QUEUED");
        assertThat(jdbc.queryForList("SELECT p.address FROM participant p JOIN ticket t ON t.id = p.ticket_id "
                + "WHERE t.number = ? AND p.role = 'UPWARD_CSIRT'", String.class, ticket)).containsExactlyInAnyOrder(SECTORAL, NATIONAL);
        await().atMost(PATIENCE).until(() -> mailsAbout(People.OFFICER, ticket, "Perintah diterapkan").stream()
                .anyMatch(m -> TestMail.textOf(m).contains("laporan insiden dikirim kepada CSIRT Sektor")));

        // the national CSIRT answers with words that are commands at the desk: kept on the case, never obeyed
        TestMail.deliver(NATIONAL, TestMail.reply(NATIONAL, ticket, "#selesai #tlp clear", "Diterima, nomor BSSN-123.", true));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM message m JOIN ticket t ON t.id = m.ticket_id "
                + "WHERE t.number = ? AND m.from_address = ?", ticket, NATIONAL) == 1);
        awaitQuiet();
        assertThat(step(ticket)).isEqualTo(CaseStep.ANALYSIS);
        assertThat(ticket(ticket).path("tlp").asText()).isEqualTo("AMBER");
        assertThat(count("SELECT count(*) FROM non_participant_message n JOIN message m ON m.id = n.message_id "
                + "WHERE m.from_address = ?", NATIONAL)).as("a participant, not a stranger").isZero();
        MimeMessage told = await().atMost(PATIENCE).until(
                () -> lastMailAbout(People.OFFICER, ticket, "Pesan dari CSIRT Nasional (BSSN)"), m -> m != null);
        assertThat(TestMail.textOf(told)).contains("Diterima, nomor BSSN-123.");
    }

    @Test
    void anIncidentOnAVitalSystemIsHeldToOneDayAndTheSendingStopsIt() {
        String reporter = uniqueAddress("vital");
        String id = TestMail.newMessageId();
        TestMail.deliver(reporter, TestMail.report(reporter, "Aplikasi keuangan tidak bisa diakses",
                "Sejak pagi https://sipd.trenggalekkab.go.id/login menampilkan pesan tebusan.", "Message-ID: " + id));
        String ticket = awaitTicketOf(id);
        Map<String, Object> owed = await().atMost(PATIENCE).until(() -> owed(ticket).orElse(null), o -> o != null);
        Instant received = jdbc.queryForObject("SELECT received_at FROM ticket WHERE number = ?", java.sql.Timestamp.class,
                ticket).toInstant();
        assertThat(owed).containsEntry("vital_systems", "sipd.trenggalekkab.go.id");
        com.fasterxml.jackson.databind.JsonNode api = http.getForObject("/api/tickets/" + ticket + "/upward-report",
                com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(api.path("vitalSystems").get(0).asText()).isEqualTo("sipd.trenggalekkab.go.id");
        assertThat(api.path("deadline").asText()).endsWith("+07:00");
        assertThat(api.path("sentAt").isNull()).isTrue();
        assertThat(((java.sql.Timestamp) owed.get("deadline")).toInstant()).isEqualTo(received.plus(Duration.ofHours(24)));
        await().atMost(PATIENCE).until(() -> !draftsOf(ticket).isEmpty());
        assertThat(TestMail.textOf(draftsOf(ticket).get(0))).contains("sistem yang ditetapkan vital", "1x24 jam");
        moveOpenDeadlinesOutOfReach(ticket);

        // the reminder comes six hours before the deadline, not at it
        clock.advance(Duration.between(clock.instant(), received.plus(Duration.ofHours(17))));
        sweep.sweep();
        assertThat(noticesSent(ticket)).isZero();
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        // two sweeps holding the same snapshot of what is due (two instances): the reminder goes once
        long ticketId = jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, ticket);
        int[] notices = transaction.execute(t -> {
            DueDeadline due = sweep.dueDeadlines().stream().filter(d -> d.ticketId() == ticketId).findFirst().orElseThrow();
            return new int[] {sweep.sendNoticesDue(due), sweep.sendNoticesDue(due)};
        });
        assertThat(notices).containsExactly(1, 0);
        sweep.sweep();
        assertThat(noticesSent(ticket)).isEqualTo(1);
        assertThat(logbookEvents(ticket)).contains("UPWARD_DEADLINE_REMINDER");
        // nobody assigned: to the officers on duty at that hour, whichever they are
        MimeMessage reminder = await().atMost(PATIENCE).until(() -> {
            List<MimeMessage> toOfficers = new ArrayList<>(mailsAbout(People.OFFICER, ticket, "Pengingat: laporan ke CSIRT"));
            toOfficers.addAll(mailsAbout(People.PIKET, ticket, "Pengingat: laporan ke CSIRT"));
            return toOfficers.isEmpty() ? null : toOfficers.get(0);
        }, m -> m != null);
        assertThat(TestMail.textOf(reminder)).contains("sipd.trenggalekkab.go.id", "#lapor-bssn", "Sisa waktu");

        // at the deadline, the supervisors
        clock.advance(Duration.ofHours(6));
        sweep.sweep();
        assertThat(noticesSent(ticket)).isEqualTo(2);
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.KABID, ticket, "Eskalasi: laporan ke CSIRT") != null);

        // verified and reported, late: logged as missed, and nothing more is sent however long it stays open
        command(People.OFFICER, ticket, "#verifikasi", "Tebusan pada SIPD.");
        awaitStep(ticket, CaseStep.CATEGORISATION);
        command(People.OFFICER, ticket, "#lapor-bssn", "");
        await().atMost(PATIENCE).until(() -> owed(ticket).orElseThrow().get("sent_at") != null);
        assertThat(jdbc.queryForObject("SELECT detail FROM logbook l JOIN ticket t ON t.id = l.ticket_id WHERE t.number = ?"
                + " AND l.event = 'REPORTED_UPWARD'", String.class, ticket)).contains("was missed");
        String sent = TestMail.textOf(await().atMost(PATIENCE).until(() -> lastMailAbout(SECTORAL, ticket, "Laporan"),
                m -> m != null));
        assertThat(sent).contains("Sistem vital terdampak    : sipd.trenggalekkab.go.id", "teks laporan yang diterima",
                "menampilkan pesan tebusan");
        clock.advance(Duration.ofDays(5));
        sweep.sweep();
        assertThat(noticesSent(ticket)).isEqualTo(2);
        assertThat(http.getForObject("/api/tickets/" + ticket + "/upward-report", String.class))
                .contains("\"sentBy\":\"" + People.OFFICER + "\"", "\"timesSent\":1", "\"noticesSent\":2");
    }

    @Test
    void whatIsNoIncidentOwesNothingAndAnOfficerRemovingTheVitalIndicatorStopsTheDeadline() {
        String first = newCase(uniqueAddress("vital-bukan"), "Server 10.77.3.4 lambat");
        await().atMost(PATIENCE).until(() -> owed(first).isPresent());
        command(People.OFFICER, first, "#bukan-insiden", "Pemeliharaan terjadwal.");
        awaitStep(first, CaseStep.NOT_AN_INCIDENT);

        String second = newCase(uniqueAddress("vital-salah"), "Tautan aneh ke sipd.trenggalekkab.go.id.evil-login.com");
        awaitQuiet();
        assertThat(owed(second)).as("a look-alike under another domain is not the vital system").isEmpty();
        command(People.OFFICER, second, "#ioc tambah sipd.trenggalekkab.go.id", "Sasaran phishing.");
        await().atMost(PATIENCE).until(() -> owed(second).isPresent());
        command(People.OFFICER, second, "#ioc hapus sipd.trenggalekkab.go.id", "Bukan sasaran, hanya disebut.");
        await().atMost(PATIENCE).until(() -> owed(second).orElseThrow().get("vital_systems") == null);
        assertThat(logbookEvents(second)).contains("UPWARD_DEADLINE_STOPPED");

        moveOpenDeadlinesOutOfReach(first, second);
        clock.advance(Duration.ofDays(2));
        sweep.sweep();
        assertThat(noticesSent(first)).isZero();
        assertThat(noticesSent(second)).isZero();
    }

    @Test
    void aReporterOrAStrangerCanNeitherSendTheReportNorPlantAVitalSystem() {
        String reporter = uniqueAddress("bssn-pelapor");
        String ticket = newCase(reporter, "Akun email dinas diretas");
        command(People.OFFICER, ticket, "#verifikasi", "Benar.");
        awaitStep(ticket, CaseStep.CATEGORISATION);

        TestMail.deliver(reporter, TestMail.report(reporter, "Re: [" + ticket + "] #lapor-bssn #draf-bssn",
                "Tolong laporkan ke BSSN sekarang."));
        String stranger = uniqueAddress("penyusup");
        TestMail.deliver(stranger, TestMail.report(stranger, "Re: [" + ticket + "] info",
                "Sistem yang kena: https://sipd.trenggalekkab.go.id dan 10.77.0.1"));
        awaitQuiet();
        assertThat(owed(ticket)).as("no deadline planted, no draft asked").isEmpty();
        assertThat(http.getForEntity("/api/tickets/" + ticket + "/upward-report", String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(mailsAbout(SECTORAL, ticket, "")).isEmpty();
        assertThat(mailsAbout(reporter, ticket, "DRAF")).isEmpty();
    }

    private List<MimeMessage> draftsOf(String ticket) {
        List<MimeMessage> drafts = new ArrayList<>(mailsAbout(People.OFFICER, ticket, "DRAF"));
        drafts.addAll(mailsAbout(People.PIKET, ticket, "DRAF"));
        return drafts;
    }

    private java.util.Optional<Map<String, Object>> owed(String ticket) {
        return jdbc.queryForList("SELECT u.* FROM upward_report u JOIN ticket t ON t.id = u.ticket_id WHERE t.number = ?",
                ticket).stream().findFirst();
    }

    private int noticesSent(String ticket) {
        return owed(ticket).map(o -> (Integer) o.get("notices_sent")).orElse(0);
    }
}
