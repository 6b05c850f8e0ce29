package id.go.trenggalekkab.csirt.report;

import static id.go.trenggalekkab.csirt.support.Rendering.aCase;
import static id.go.trenggalekkab.csirt.support.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import org.junit.jupiter.api.Test;

class FinalReportTemplateTest {

    @Test
    void theFinalReportMailSaysWhatIsAttached() {
        MailTemplates.Rendered mail = render(new FinalReportMail.FinalReportNotice(aCase(), "Kabid"));
        assertThat(mail.subject())
                .isEqualTo("[TTIS-2026-00042] [TLP:AMBER] Laporan Penanganan Insiden Siber: Situs desa berisi judi online");
        assertThat(mail.text()).startsWith("Yth. Kabid,").contains("langkah 12 SOP")
                .contains("Kategori  : information-content-security/judi-online").contains("TLP       : AMBER");
    }
}
