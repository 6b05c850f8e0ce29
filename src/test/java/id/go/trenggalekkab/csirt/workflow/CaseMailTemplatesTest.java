package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.support.Rendering.aCase;
import static id.go.trenggalekkab.csirt.support.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each of the workflow's mail templates rendered from its model: subject, key lines, nothing left blank. */
class CaseMailTemplatesTest {

    @Test
    void reporterNotices() {
        MailTemplates.Rendered verified = render(new ReporterNotices.ReporterNotice(aCase(), "Budi", true, false, false, false, null, null));
        assertThat(verified.subject()).isEqualTo("[TTIS-2026-00042] [TLP:AMBER] Laporan diverifikasi: Situs desa berisi judi online");
        assertThat(verified.text()).startsWith("Yth. Budi,").contains("TTIS-2026-00042 telah diverifikasi")
                .doesNotContain("bukan insiden");

        MailTemplates.Rendered notIncident = render(new ReporterNotices.ReporterNotice(aCase(), null, false, true, false,
                false, "Pengumuman resmi BSSN.", null));
        assertThat(notIncident.subject()).contains("Laporan bukan insiden: ");
        assertThat(notIncident.text()).startsWith("Yth. Bapak/Ibu Pelapor,").contains("Pengumuman resmi BSSN.")
                .contains("[TTIS-2026-00042] pada subjek");

        assertThat(render(new ReporterNotices.ReporterNotice(aCase(), "Budi", false, false, true, false, null, null))
                .subject()).contains("Laporan selesai ditangani: ");

        MailTemplates.Rendered merged = render(new ReporterNotices.ReporterNotice(aCase(), "Budi", false, false, false,
                true, null, "TTIS-2026-00040"));
        assertThat(merged.subject()).isEqualTo("[TTIS-2026-00042] [TLP:AMBER] Laporan digabung ke TTIS-2026-00040: "
                + "Situs desa berisi judi online");
        assertThat(merged.text()).contains("digabung ke kasus itu").contains("nomor TTIS-2026-00040")
                .doesNotContain("berikut ini juga untuk Anda");
        MailTemplates.Rendered toLinked = render(new ReporterNotices.ReporterNotice(aCase(), "Sari", false, false, true,
                false, null, "TTIS-2026-00043"));
        assertThat(toLinked.text()).contains("Laporan Anda TTIS-2026-00043 menyangkut insiden yang sama dengan kasus"
                + " TTIS-2026-00042").contains("telah selesai");
    }

    @Test
    void caseFileShowsTheReporterToAphAlone() {
        List<CaseFiles.EvidenceLine> evidence = List.of(
                new CaseFiles.EvidenceLine("laporan.pdf", 1234, "ab".repeat(32), true),
                new CaseFiles.EvidenceLine("video.mp4", 30_000_000, "cd".repeat(32), false));
        CaseFiles.CaseFileMail toTtis = new CaseFiles.CaseFileMail(aCase(), "Tim TTIS", false, "Pulihkan dari cadangan.",
                "Halaman depan berisi judi.", evidence, List.of("slot-gacor[.]example (DOMAIN, alamat contoh/dokumentasi)"),
                false, "Budi", "budi@example.org");
        MailTemplates.Rendered ttis = render(toTtis);
        assertThat(ttis.subject()).isEqualTo("[TTIS-2026-00042] [TLP:AMBER] Penanganan insiden: Situs desa berisi judi online");
        assertThat(ttis.text()).contains("Yth. Tim TTIS,").contains("TLP:AMBER").contains("Pulihkan dari cadangan.")
                .contains("(data pribadi pelapor dihapus)").contains("laporan.pdf (1234 byte, terlampir)").contains("SHA-256 " + "ab".repeat(32))
                .contains("video.mp4 (30000000 byte, tidak dilampirkan (ukuran))")
                .contains("Indikator dari laporan (dijinakkan: hxxp, [.]; tulis ulang sebelum dipakai):\n"
                        + "  - slot-gacor[.]example (DOMAIN, alamat contoh/dokumentasi)")
                .doesNotContain("budi@example.org").doesNotContain("Pelapor      :");

        MailTemplates.Rendered aph = render(new CaseFiles.CaseFileMail(aCase(), "Unit Siber", false, "Ada unsur pidana.",
                "Data dijual.", evidence, List.of(), true, null, "budi@example.org"));
        assertThat(aph.text()).contains("Pelapor      : - <budi@example.org>").doesNotContain("data pribadi pelapor dihapus")
                .doesNotContain("Indikator");

        MailTemplates.Rendered withheld = render(new CaseFiles.CaseFileMail(aCase(), "Unit Siber", true, "", "",
                List.of(), List.of(), false, null, null));
        assertThat(withheld.subject()).isEqualTo("[TTIS-2026-00042] [TLP:AMBER] Penanganan insiden");
        assertThat(withheld.text()).contains("tidak\ndikirim lewat email").doesNotContain("Isi laporan")
                .doesNotContain("SHA-256").doesNotContain("judi");
    }

    @Test
    void commandReplyListsEachOutcomeAndTheCommandsWhenAskedForHelp() {
        CommandReplies.CommandReplyMail refused = new CommandReplies.CommandReplyMail(aCase(), "Andi", false,
                List.of(new CommandReplies.OutcomeLine(true, "#verifikasi", "kasus kini pada langkah 5"),
                        new CommandReplies.OutcomeLine(false, "#prioritas sangat", "prioritas harus tinggi, sedang atau rendah")),
                List.of("#kategori fraud"), "tidak ada yang dikirim kepada pelapor", null, false,
                List.of("#verifikasi / #verify"));
        MailTemplates.Rendered reply = render(refused);
        assertThat(reply.subject()).isEqualTo("[TTIS-2026-00042] [TLP:AMBER] Perintah ditolak: Situs desa berisi judi online");
        assertThat(reply.text()).contains("✔ #verifikasi: diterapkan - kasus kini pada langkah 5")
                .contains("✘ #prioritas sangat: DITOLAK - prioritas harus tinggi")
                .contains("Tidak dijalankan karena perintah sebelumnya ditolak:\n  - #kategori fraud")
                .contains("Berikutnya   : langkah 7").doesNotContain("#verifikasi / #verify");

        MailTemplates.Rendered help = render(new CommandReplies.CommandReplyMail(aCase(), "Andi", true,
                List.of(new CommandReplies.OutcomeLine(true, "#bantuan", "daftar perintah dikirim")), List.of(),
                "tidak ada yang dikirim kepada pelapor", null, true,
                List.of("#verifikasi / #verify", "#bantuan / #help")));
        assertThat(help.subject()).contains("Perintah diterapkan: ");
        assertThat(help.text()).contains("  #verifikasi / #verify\n  #bantuan / #help").doesNotContain("Tidak dijalankan");
    }

    @Test
    void officerAlertsSayWhatHappened() {
        MailTemplates.Rendered stranger = render(new OfficerAlerts.OfficerAlert(aCase(), "Andi", true, false,
                "orang@asing.example", "Re: [TTIS-2026-00042] #verifikasi", 3, null, null));
        assertThat(stranger.subject()).isEqualTo("[TTIS-2026-00042] [TLP:AMBER] Peringatan: pesan dari pihak di luar kasus");
        assertThat(stranger.text()).contains("Pengirim : orang@asing.example")
                .contains("Subjek   : Re: [TTIS-2026-00042] #verifikasi").doesNotContain("Alasan")
                .contains("Dan 3 pesan lain dari pihak di luar kasus sejak peringatan terakhir");

        MailTemplates.Rendered forged = render(new OfficerAlerts.OfficerAlert(aCase(), "Andi", false, true,
                "petugas@trenggalekkab.go.id", null, 0, "no Authentication-Results from mx.trenggalekkab.go.id",
                "[#bukan-insiden]"));
        assertThat(forged.subject()).endsWith("Peringatan: perintah tanpa autentikasi ditolak");
        assertThat(forged.text()).contains("Alasan   : no Authentication-Results").contains("Perintah : [#bukan-insiden]")
                .doesNotContain("Subjek");
    }
}
