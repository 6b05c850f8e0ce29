package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * Officers talk to the reporter through the desk, and only on purpose: #balas and #tanya
 * send the officer's words from the desk's address, threaded on the acknowledgement; the
 * reporter's answer ends the wait and reaches the officer; anything else an officer writes
 * stays inside, and every command reply says which of the two happened.
 */
class ReporterConversationTest extends DeskIntegrationTest {

    @Test
    void aQuestionReachesTheReporterOnTheirThreadAndTheAnswerReachesTheOfficer() throws Exception {
        String reporter = uniqueAddress("pelapor-tanya");
        String ticket = newCase(reporter, "Email dinas mengirim spam");
        MimeMessage ack = await().atMost(PATIENCE).until(() -> lastMailAbout(reporter, ticket, "Laporan diterima"),
                m -> m != null);

        Object deadline = openDeadline(ticket);
        command(People.OFFICER, ticket, "#tugaskan " + People.PIKET, "");
        await().atMost(PATIENCE).until(() -> ticket(ticket).path("assignee").asText().equals(People.PIKET));
        command(People.OFFICER, ticket, "#tanya", "Sejak kapan spam itu terkirim? Mohon kirim contoh headernya.");
        MimeMessage question = await().atMost(PATIENCE).until(() -> lastMailAbout(reporter, ticket, "Pertanyaan petugas"),
                m -> m != null);
        assertThat(question.getHeader("In-Reply-To", null)).isEqualTo(ack.getMessageID());
        assertThat(question.getFrom()[0].toString()).contains("csirt@trenggalekkab.go.id").doesNotContain(People.OFFICER);
        assertThat(TestMail.textOf(question)).contains("Sejak kapan spam itu terkirim?")
                .doesNotContain("kutipan lama").doesNotContain(People.OFFICER);
        MimeMessage reply = await().atMost(PATIENCE).until(() -> mailsAbout(People.OFFICER, ticket, "Perintah diterapkan")
                .stream().filter(m -> TestMail.textOf(m).contains("✔ #tanya")).findFirst().orElse(null), m -> m != null);
        assertThat(TestMail.textOf(reply)).contains("Kepada pelapor: isi email Anda (tanpa kutipan dan tanda tangan) DIKIRIM"
                + " kepada pelapor " + reporter);
        assertThat(logbookEvents(ticket)).contains("MESSAGE_TO_REPORTER");
        assertThat(openDeadline(ticket)).as("the step's time standard is measured as the SOP says").isEqualTo(deadline);
        assertThat(count("""
                SELECT count(*) FROM reporter_wait w JOIN ticket t ON t.id = w.ticket_id
                 WHERE t.number = ? AND w.ended_at IS NULL AND w.asked_by = ?
                """, ticket, People.OFFICER)).isEqualTo(1);

        TestMail.deliver(reporter, TestMail.report(reporter, "Re: [" + ticket + "] Pertanyaan petugas",
                "Sejak Senin pagi, sekitar 200 email per jam.\n\n> Sejak kapan spam itu terkirim?"));
        MimeMessage answer = await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, "Pesan dari pelapor"),
                m -> m != null);
        assertThat(TestMail.textOf(answer)).contains("Sejak Senin pagi, sekitar 200 email per jam.");
        assertThat(lastMailAbout(People.PIKET, ticket, "Pesan dari pelapor")).as("and the officer assigned").isNotNull();
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("REPORTER_ANSWERED"));
        assertThat(count("""
                SELECT count(*) FROM reporter_wait w JOIN ticket t ON t.id = w.ticket_id
                 WHERE t.number = ? AND w.ended_at IS NOT NULL AND w.answer_message_id IS NOT NULL
                """, ticket)).isEqualTo(1);
    }

    private Object openDeadline(String ticket) {
        return jdbc.queryForObject("""
                SELECT s.deadline FROM case_step s JOIN ticket t ON t.id = s.ticket_id WHERE t.number = ? AND s.left_at IS NULL
                """, Object.class, ticket);
    }

    @Test
    void whatAnOfficerWritesWithoutBalasOrTanyaNeverReachesTheReporter() {
        String reporter = uniqueAddress("pelapor-catatan");
        String ticket = newCase(reporter, "Akun SIMPEG diretas");
        command(People.OFFICER, ticket, "#catatan", "Dugaan orang dalam; jangan beri tahu pelapor.");
        unauthenticatedCommand(People.OFFICER, ticket, "#balas", "Pesan palsu dari pihak yang memalsukan petugas.");
        awaitQuiet();
        assertThat(TestMail.inboxOf(reporter)).as("only the acknowledgement").hasSize(1);
        assertThat(TestMail.textOf(lastMailAbout(People.OFFICER, ticket, "Perintah diterapkan")))
                .contains("Kepada pelapor: tidak ada yang dikirim kepada pelapor; isi email Anda hanya tersimpan di logbook");

        command(People.OFFICER, ticket, "#balas", "Terima kasih, laporan Anda sedang kami periksa.\n\n--\nPetugas\n0812 3456 7890");
        MimeMessage message = await().atMost(PATIENCE).until(() -> lastMailAbout(reporter, ticket, "Pesan petugas"),
                m -> m != null);
        assertThat(TestMail.textOf(message)).contains("sedang kami periksa").doesNotContain("0812 3456 7890");
        assertThat(count("SELECT count(*) FROM reporter_wait w JOIN ticket t ON t.id = w.ticket_id WHERE t.number = ?",
                ticket)).as("a reply is not a question").isZero();
    }

    @Test
    void statusAnswersWithTheReportHistoryLogbookEvidenceAndWhatTheDeskWaitsFor() {
        String reporter = uniqueAddress("pelapor-status");
        String ticket = newCase(reporter, "Situs dinas pendidikan lambat");
        command(People.OFFICER, ticket, "#verifikasi", "Benar insiden.");
        awaitStep(ticket, id.go.trenggalekkab.csirt.sop.CaseStep.CATEGORISATION);
        command(People.KASI, ticket, "#status", "");
        MimeMessage status = await().atMost(PATIENCE).until(() -> lastMailAbout(People.KASI, ticket, "Perintah diterapkan"),
                m -> m != null);
        assertThat(TestMail.textOf(status)).contains("Isi laporan").contains("Mohon ditindaklanjuti.")
                .contains("langkah 4: Verifikasi laporan: masuk ").contains("oleh " + People.OFFICER)
                .contains("langkah 5: Kategorisasi dan prioritas: masuk ").contains("(sekarang)")
                .contains("Logbook (lima catatan terakhir)").contains("COMMAND_APPLIED")
                .contains("Menunggu     : #kategori dan #prioritas dari officer, paling lambat ")
                .contains("(tidak ada lampiran");
    }
}
