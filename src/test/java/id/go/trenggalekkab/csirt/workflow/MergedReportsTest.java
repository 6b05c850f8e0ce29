package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.PdfText;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three people report the same defaced site: the officer merges two reports into the first.
 * Each reporter hears of the merge once and then follows the main case's notices; every
 * report keeps its evidence and hashes on its own ticket; the link shows in the API, the
 * digest and the final report; #pisah makes a case its own again.
 */
class MergedReportsTest extends DeskIntegrationTest {

    @Test
    void threeReportsOfOneDefacementBecomeOneCase() throws Exception {
        String first = uniqueAddress("pelapor-utama");
        String second = uniqueAddress("pelapor-kedua");
        String third = uniqueAddress("pelapor-ketiga");
        String main = newCase(first, "Situs dinas pariwisata diretas");
        String other = newCase(second, "Halaman depan pariwisata berisi tulisan peretas");
        String splitLater = newCase(third, "Web pariwisata kena deface");
        String otherSha = ticket(other).path("messages").get(0).path("sha256").asText();

        command(People.OFFICER, other, "#gabung " + main, "Laporan yang sama.");
        command(People.OFFICER, splitLater, "#merge " + main, "");
        awaitStep(other, CaseStep.MERGED);
        awaitStep(splitLater, CaseStep.MERGED);
        await().atMost(PATIENCE).until(() -> mailsAbout(second, other, "Laporan digabung ke " + main).size() == 1
                && mailsAbout(third, splitLater, "Laporan digabung ke " + main).size() == 1);
        assertThat(TestMail.textOf(mailsAbout(second, other, "Laporan digabung").get(0)))
                .contains("Kabar selanjutnya Anda terima dengan nomor " + main);
        assertThat(ticket(main).path("linkedCases")).extracting(JsonNode::asText).containsExactly(other, splitLater);
        assertThat(ticket(other).path("mergedInto").asText()).isEqualTo(main);
        assertThat(ticket(other).path("messages").get(0).path("sha256").asText()).as("evidence stays where it was")
                .isEqualTo(otherSha);
        assertThat(logbookEvents(main)).contains("CASE_LINKED");

        // a chain is refused: a main case is never itself merged, a merged case is no main case
        command(People.OFFICER, main, "#gabung " + other, "");
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, main, "Perintah ditolak") != null);
        assertThat(TestMail.textOf(lastMailAbout(People.OFFICER, main, "Perintah ditolak")))
                .contains("tidak dapat menjadi kasus utama");
        assertThat(step(main)).isEqualTo(CaseStep.VERIFICATION);

        command(People.OFFICER, main, "#verifikasi", "Benar, situs diretas.");
        await().atMost(PATIENCE).until(() -> List.of(first, second, third).stream()
                .allMatch(r -> mailsAbout(r, main, "Laporan diverifikasi").size() == 1));
        MimeMessage toSecond = mailsAbout(second, main, "Laporan diverifikasi").get(0);
        assertThat(TestMail.textOf(toSecond))
                .contains("Laporan Anda " + other + " menyangkut insiden yang sama dengan kasus " + main);
        assertThat(TestMail.subjectOf(toSecond) + TestMail.textOf(toSecond)).as("another reporter's words are not theirs")
                .contains("Halaman depan pariwisata berisi tulisan peretas").doesNotContain("Situs dinas pariwisata diretas")
                .doesNotContain(first);

        command(People.OFFICER, splitLater, "#pisah", "Ternyata situs lain.");
        awaitStep(splitLater, CaseStep.VERIFICATION);
        assertThat(ticket(splitLater).path("mergedInto").isNull()).isTrue();
        assertThat(ticket(main).path("linkedCases")).extracting(JsonNode::asText).containsExactly(other);

        command(People.OFFICER, main, "#kategori defacement #prioritas tinggi", "");
        awaitStep(main, CaseStep.ANALYSIS);
        command(People.OFFICER, main, "#ttis", "Pulihkan dari cadangan.");
        awaitStep(main, CaseStep.REPAIR);
        command(People.TTIS, main, "#perbaikan", "Dipulihkan.");
        command(People.TTIS, main, "#analisis", "Plugin usang.");
        command(People.TTIS, main, "#logbook", "Dicatat.");
        awaitStep(main, CaseStep.CLOSING);
        command(People.OFFICER, main, "#selesai", "Selesai.");
        await().atMost(PATIENCE).until(() -> mailsAbout(first, main, "Laporan selesai ditangani").size() == 1
                && mailsAbout(second, main, "Laporan selesai ditangani").size() == 1);
        awaitQuiet();
        assertThat(mailsAbout(third, main, "Laporan selesai ditangani")).as("split off before the end").isEmpty();

        byte[] pdf = http.getForObject("/api/tickets/" + main + "/report.pdf", byte[].class);
        String report = PdfText.of(pdf);
        assertThat(report).contains("Laporan lain atas insiden yang sama").contains(otherSha);
        assertThat(report.substring(report.lastIndexOf("Tiket / berkas"))).contains(other + ": message-")
                .as("split off: in the logbook, no longer among the merged reports").doesNotContain(splitLater);
        JsonNode digest = http.getForObject("/api/digest?from=2000-01-01&to=2100-01-01", JsonNode.class);
        assertThat(digest.path("merged").asLong()).isGreaterThanOrEqualTo(2);
    }
}
