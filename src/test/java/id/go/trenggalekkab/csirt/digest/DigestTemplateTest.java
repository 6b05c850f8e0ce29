package id.go.trenggalekkab.csirt.digest;

import static id.go.trenggalekkab.csirt.support.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTemplateTest {

    @Test
    void theDigestInTextAndHtmlWithTheReportersWordsEscapedInHtml() {
        WeeklyDigest.DigestMail digest = new WeeklyDigest.DigestMail("23 November 2026", "29 November 2026", 3, 2, 1, 1,
                List.of(new WeeklyDigest.OpenLine("langkah 6: Analisis dan evaluasi", 1, 0, 0, 1)),
                List.of(new WeeklyDigest.TimelinessLine("langkah 4: Verifikasi laporan", 2, 1, 50, 18)),
                List.of(new WeeklyDigest.OverdueLine("[TTIS-2026-00042]", "<b>Situs</b> diretas", "langkah 6", 90)),
                List.of(new WeeklyDigest.CategoryLine("fraud", 2)),
                List.of(new WeeklyDigest.CaseLine("[TTIS-2026-00042]", "<b>Situs</b> diretas", "langkah 6",
                        " (digabung: TTIS-2026-00043)")),
                new Digest.ReporterWaiting(2, 75, 1), 1, new Digest.ReportsUpward(2, 1, 3, 1));
        MailTemplates.Rendered mail = render(digest);
        assertThat(mail.subject()).isEqualTo("Ringkasan mingguan TTIS Trenggalekkab: 23 November 2026 - 29 November 2026");
        assertThat(mail.text()).contains("Laporan diterima     : 3").contains("langkah 6: Analisis dan evaluasi: 1 / 0 / 0 / 1")
                .contains("1 dari 2 tepat waktu (50%), median 18 menit").contains("[TTIS-2026-00042] <b>Situs</b> diretas")
                .contains("2 pertanyaan, 75 menit menunggu,\n1 kasus masih menunggu")
                .contains("Digabung ke kasus lain: 1")
                .contains("2 dikirim\n(1 melewati batas 1x24 jam sistem vital); 3 masih wajib\ndikirim, 1 di antaranya melewati batas").contains("- langkah 6 (digabung: TTIS-2026-00043)").doesNotContain("(tidak ada)");
        assertThat(mail.html()).contains("2 pertanyaan, 75 menit menunggu, 1 kasus masih menunggu")
                .contains("cid:chart-open-cases").contains("3 masih wajib dikirim,\n1 di antaranya melewati batas").contains("&lt;b&gt;Situs&lt;/b&gt;")
                .doesNotContain("<b>Situs");
    }
}
