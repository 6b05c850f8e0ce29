package id.go.trenggalekkab.csirt.upward;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import id.go.trenggalekkab.csirt.support.Rendering;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report upward as its template writes it: the draft to an officer and the report to a
 * CSIRT, with the parts the integration test does not reach (the configured contact line, a
 * reporter named where configured, a further report, no CSIRT in the directory yet).
 */
class UpwardReportTemplateTest {

    private static UpwardReportContents.UpwardReportMail mail(boolean draft, boolean update, String reporter,
                                                                List<String> addressees) {
        return new UpwardReportContents.UpwardReportMail(Rendering.aCase(), "CSIRT Sektor Administrasi Pemerintahan", draft,
                update, "TTIS Trenggalekkab", "Bidang Persandian, Diskominfo Kab. Trenggalek, telp. (0355) 791234", reporter,
                "Situs desa disusupi tautan judi online.", true, List.of("2 Desember 2026, 07:14 WIB  laporan diterima"),
                "tinggi", List.of("sipd.trenggalekkab.go.id"), "3 Desember 2026, 07:14 WIB",
                "information-content-security/judi-online", List.of("hxxp[://]slot-gacor[.]xyz/ (URL)"), addressees);
    }

    @Test
    void theReportToACsirtNamesTheOrganisationItsContactAndAFurtherReportAsSuch() {
        MailTemplates.Rendered report = Rendering.render(mail(false, true, null, List.of("CSIRT Nasional (BSSN) <csirt-nasional@bssn.example>")));
        assertThat(report.subject()).isEqualTo(
                "[TTIS-2026-00042] [TLP:AMBER] Laporan lanjutan insiden siber TTIS-2026-00042 dari TTIS Trenggalekkab");
        assertThat(report.text()).contains("LAPORAN INSIDEN SIBER TTIS-2026-00042 (LANJUTAN)",
                "TTIS Trenggalekkab <csirt@trenggalekkab.go.id>", "telp. (0355) 791234",
                "Laporan ini juga dikirim kepada: CSIRT Nasional (BSSN) <csirt-nasional@bssn.example>;",
                "Sistem vital terdampak    : sipd.trenggalekkab.go.id", "Batas pelaporan 1x24 jam  : 3 Desember 2026, 07:14 WIB",
                "hxxp[://]slot-gacor[.]xyz/", "7. Klasifikasi informasi\n   TLP:AMBER")
                .doesNotContain("Pelapor awal", "DRAF", "#lapor-bssn");
    }

    @Test
    void aReporterIsNamedOnlyWhereConfiguredAndADraftSaysWhenNobodyCanReceiveIt() {
        assertThat(Rendering.render(mail(false, false, "Budi <budi@example.org>", List.of())).text())
                .contains("Pelapor awal: Budi <budi@example.org>");
        MailTemplates.Rendered draft = Rendering.render(mail(true, false, null, List.of()));
        assertThat(draft.subject()).contains("DRAF (belum dikirim)").doesNotContain("#");
        assertThat(draft.text()).contains("#lapor-bssn", "direktori belum memuat CSIRT sektoral atau nasional",
                "paling lambat\n3 Desember 2026, 07:14 WIB");
    }
}
