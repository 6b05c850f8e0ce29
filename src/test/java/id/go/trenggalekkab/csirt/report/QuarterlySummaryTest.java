package id.go.trenggalekkab.csirt.report;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.PdfText;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.system.Wib;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The quarter's incidents for the agency's own reporting: every case of the quarter counted
 * by RSIT class and listed without reporters or subjects; a TLP:RED case counted but not
 * listed; and an officer's free text that a spreadsheet would run as a formula stays text.
 */
class QuarterlySummaryTest extends DeskIntegrationTest {

    @Test
    void theQuartersCasesByRsitClassAsCsvAndPdf() throws Exception {
        String reporter = uniqueAddress("triwulan");
        String phishing = newCase(reporter, "Email palsu atas nama bupati");
        command(People.OFFICER, phishing, "#verifikasi #kategori fraud/=HYPERLINK(\"http://evil.example\") #prioritas sedang", "Benar.");
        await().atMost(PATIENCE).until(() -> step(phishing) == CaseStep.ANALYSIS);
        String red = newCase(uniqueAddress("triwulan-merah"), "Data kepegawaian bocor");
        command(People.OFFICER, red, "#tlp red", "");
        await().atMost(PATIENCE).until(() -> "RED".equals(ticket(red).path("tlp").asText()));

        ZonedDateTime received = jdbc.queryForObject("SELECT received_at FROM ticket WHERE number = ?",
                java.sql.Timestamp.class, phishing).toInstant().atZone(Wib.ZONE);
        int year = received.getYear();
        int quarter = (received.getMonthValue() - 1) / 3 + 1;

        ResponseEntity<byte[]> csv = http.getForEntity("/api/summary/quarter.csv?year=" + year + "&quarter=" + quarter, byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFnomor,diterima_wib,kelas_rsit,jenis,prioritas,tlp,langkah,selesai_wib,indikator\r\n");
        String row = text.lines().filter(l -> l.startsWith(phishing + ",")).findFirst().orElseThrow();
        assertThat(row).contains(",fraud,").contains(",MEDIUM,AMBER,langkah 6: Analisis dan evaluasi,")
                .as("the officer's text is not a formula").contains(",\"'=hyperlink(\"\"http://evil.example\"\")\",");
        assertThat(text).as("a red case is not listed").doesNotContain(red);
        assertThat(text).doesNotContain(reporter, "Email palsu", "Data kepegawaian");

        byte[] pdf = http.getForObject("/api/summary/quarter.pdf?year=" + year + "&quarter=" + quarter, byte[].class);
        String printed = PdfText.of(pdf);
        assertThat(printed).contains("Rekapitulasi Insiden Siber, Triwulan " + quarter).contains("Jumlah menurut kelas RSIT")
                .contains(phishing).contains("kasus berlabel TLP:RED dihitung di atas tetapi tidak dirinci")
                .as("the priority in the word officers write").contains("sedang").doesNotContain("MEDIUM")
                .doesNotContain(red).doesNotContain(reporter);

        assertThat(http.getForEntity("/api/summary/quarter.csv?year=" + year + "&quarter=5", String.class).getStatusCode().value())
                .isEqualTo(400);
    }
}
