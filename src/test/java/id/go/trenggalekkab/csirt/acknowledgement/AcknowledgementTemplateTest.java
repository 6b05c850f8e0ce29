package id.go.trenggalekkab.csirt.acknowledgement;

import static id.go.trenggalekkab.csirt.support.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcknowledgementTemplateTest {

    /** Not the SOP's own: a deployment that configured its own time standards. */
    private static final Acknowledgements.TimeStandards STANDARDS =
            new Acknowledgements.TimeStandards("30 menit", "15 menit", "2 hari");

    @Test
    void theAcknowledgementGivesTheTicketNumberAndEveryHashAndNamesNobody() {
        MailTemplates.Rendered mail = render(new Acknowledgements.AcknowledgementMail("TTIS-2026-00042",
                "[TTIS-2026-00042]", "Situs desa diretas", "1 Desember 2026 02.10 WIB", 4096, "ef".repeat(32),
                List.of(new Acknowledgements.AttachmentLine("tangkapan.png", "image/png", 2048, "12".repeat(32)),
                        new Acknowledgements.AttachmentLine(null, "application/octet-stream", 10, "34".repeat(32))), 0, STANDARDS));
        assertThat(mail.subject()).isEqualTo("[TTIS-2026-00042] Laporan diterima: Situs desa diretas");
        assertThat(mail.text()).startsWith("Yth. Bapak/Ibu Pelapor,").contains("    TTIS-2026-00042")
                .contains("Email laporan Anda: 4096 byte\n    SHA-256 " + "ef".repeat(32))
                .contains("tangkapan.png (image/png, 2048 byte)")
                .contains("(tanpa nama, application/octet-stream) (application/octet-stream, 10 byte)")
                .doesNotContain("(tidak ada lampiran)").doesNotContain("lampiran lainnya").contains("Dear reporter,")
                .contains("(waktu standar: 30 menit)").contains("(15 menit), lalu dianalisis (2 hari)")
                .doesNotContain("20 menit");
    }

    @Test
    void aReportWithoutSubjectOrAttachmentsIsStillAnsweredInFull() {
        MailTemplates.Rendered mail = render(new Acknowledgements.AcknowledgementMail("TTIS-2026-00043",
                "[TTIS-2026-00043]", null, "1 Desember 2026 02.10 WIB", 100, "ef".repeat(32), List.of(), 0, STANDARDS));
        assertThat(mail.subject()).isEqualTo("[TTIS-2026-00043] Laporan diterima: (tanpa subjek)");
        assertThat(mail.text()).contains("(tidak ada lampiran)");
    }

    @Test
    void attachmentsBeyondTheListedOnesAreCounted() {
        MailTemplates.Rendered mail = render(new Acknowledgements.AcknowledgementMail("TTIS-2026-00044",
                "[TTIS-2026-00044]", "Banyak lampiran", "1 Desember 2026 02.10 WIB", 100, "ef".repeat(32),
                List.of(new Acknowledgements.AttachmentLine("a.txt", "text/plain", 1, "00".repeat(32))), 2979, STANDARDS));
        assertThat(mail.text()).contains("a.txt").contains("dan 2979 lampiran lainnya");
    }

    @Test
    void theEchoedSubjectIsShortOneLineAndCarriesNoCommandOrTag() {
        assertThat(Acknowledgements.shortEcho("Situs diretas #tlp clear #bukan-insiden [TTIS-2026-00001]\r\nBcc: x@y"))
                .isEqualTo("Situs diretas ＃tlp clear ＃bukan-insiden (TTIS-2026-00001] Bcc: x@y");
        assertThat(Acknowledgements.shortEcho("x".repeat(500))).hasSize(Acknowledgements.MAX_SUBJECT_ECHO + 1);
        assertThat(Acknowledgements.shortEcho("   ")).isNull();
    }
}
