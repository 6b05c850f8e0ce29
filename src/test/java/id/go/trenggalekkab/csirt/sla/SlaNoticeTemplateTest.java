package id.go.trenggalekkab.csirt.sla;

import static id.go.trenggalekkab.csirt.support.Rendering.aCase;
import static id.go.trenggalekkab.csirt.support.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import org.junit.jupiter.api.Test;

class SlaNoticeTemplateTest {

    @Test
    void aReminderAndAnEscalationNameTheStepItsStandardHowLateAndWhatCompletesIt() {
        MailTemplates.Rendered reminder = render(new SlaNotices.SlaNotice(aCase(), "Andi", true,
                NoticeLevel.REMINDER.forPeople(), "1 hari", "25 menit", "#aph atau #ttis"));
        assertThat(reminder.subject())
                .isEqualTo("[TTIS-2026-00042] [TLP:AMBER] Pengingat: langkah 6: Analisis dan evaluasi terlambat 25 menit");
        assertThat(reminder.text()).contains("PENGINGAT").contains("Waktu standar: 1 hari")
                .contains("Tindakan berikutnya: #aph atau #ttis").doesNotContain("ESKALASI");

        MailTemplates.Rendered escalation = render(new SlaNotices.SlaNotice(aCase(), "Kabid", false,
                NoticeLevel.escalation(2).forPeople(), "1 hari", "1 hari 2 jam", "#aph atau #ttis"));
        assertThat(escalation.subject()).contains("Eskalasi: ");
        assertThat(escalation.text()).contains("ESKALASI (eskalasi ke-2)").doesNotContain("PENGINGAT");
    }
}
