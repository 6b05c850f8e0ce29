package id.go.trenggalekkab.csirt.briefing;

import static id.go.trenggalekkab.csirt.support.Rendering.aCase;
import static id.go.trenggalekkab.csirt.support.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The briefing as an officer reads it: a new report, and a follow-up on a finished case. */
class BriefingTemplateTest {

    @Test
    void aNewReportWithItsDangersEvidenceAndTheCommandsThatAnswerIt() {
        MailTemplates.Rendered mail = render(new OfficerBriefings.OfficerBriefing(aCase(), "Andi", true, false, "pelapor",
                "Budi", "budi@desa.example", "TIDAK LULUS: no Authentication-Results from mx.trenggalekkab.go.id",
                "2 Desember 2026, 10:00 WIB", "Situs diretas: hxxps://desa[.]example/", true,
                List.of(new OfficerBriefings.AttachmentLine("faktur.pdf.exe", "application/pdf", 12, "ab".repeat(32))), 3,
                List.of("Lampiran berupa program atau skrip: faktur.pdf.exe - jangan dijalankan"),
                List.of("hxxps[://]desa[.]example/ (URL, alamat contoh/dokumentasi)", "45[.]13[.]227[.]9 (IPV4)"), 2,
                List.of("TTIS-2026-00012 (Selesai, information-content-security): 45[.]13[.]227[.]9"),
                OfficerBriefings.answers(CaseStep.VERIFICATION)));
        assertThat(mail.subject()).isEqualTo("[TTIS-2026-00042] [TLP:AMBER] Laporan baru: Situs desa berisi judi online");
        assertThat(mail.text()).startsWith("Yth. Andi,").contains("menunggu verifikasi Anda")
                .contains("Domain       : TIDAK LULUS: no Authentication-Results")
                .contains("PERHATIAN - tanda bahaya:\n  ! Lampiran berupa program")
                .contains("[... dipotong; teks lengkap tersimpan pada tiket]")
                .contains("  - faktur.pdf.exe (application/pdf, 12 byte)\n    SHA-256 " + "ab".repeat(32))
                .contains("dan 3 lampiran lainnya")
                .contains("Indikator (dijinakkan; tersimpan pada tiket):\n  - hxxps[://]desa[.]example/ (URL, alamat"
                        + " contoh/dokumentasi)\n  - 45[.]13[.]227[.]9 (IPV4)\n  - dan 2 indikator lainnya")
                .contains("Juga terlihat pada kasus lain (setahun terakhir):\n  - TTIS-2026-00012 (Selesai,"
                        + " information-content-security): 45[.]13[.]227[.]9")
                .contains("  Re: [TTIS-2026-00042] #verifikasi\n  Re: [TTIS-2026-00042] #bukan-insiden\n")
                .contains("#gabung TTIS-2026-00042").contains("#balas").contains("#tanya").contains("#status");
    }

    @Test
    void aFollowUpOnAFinishedCaseSaysHowToReopenIt() {
        MailTemplates.Rendered mail = render(new OfficerBriefings.OfficerBriefing(aCase(), "Andi", false, true, "pelapor",
                "-", "budi@desa.example", "LULUS (DKIM/DMARC di server email desk)", "2 Desember 2026, 10:00 WIB",
                "Situsnya diretas lagi.", false, List.of(), 0, List.of(), List.of(), 0, List.of(), List.of("#buka-kembali")));
        assertThat(mail.subject()).contains("Pesan dari pelapor: ");
        assertThat(mail.text()).contains("#buka-kembali bila perlu").contains("(tidak ada lampiran)")
                .contains("Tanda bahaya: tidak ada yang dikenali (bukan jaminan aman)").doesNotContain("dipotong")
                .doesNotContain("Indikator").doesNotContain("Juga terlihat");
    }
}
