package id.go.trenggalekkab.csirt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The note of a command is what the officer wrote, not the thread they quoted. */
class ReplyTextTest {

    @Test
    void gmailInIndonesianAndEnglish() {
        assertThat(ReplyText.strip("""
                Sudah diverifikasi, situs memang diretas.

                Pada Sen, 30 Nov 2026 pukul 07.00 TTIS Trenggalekkab <csirt@trenggalekkab.go.id> menulis:
                > [TTIS-2026-00042] Laporan diterima
                > isi lama
                """)).isEqualTo("Sudah diverifikasi, situs memang diretas.");
        assertThat(ReplyText.strip("""
                Confirmed.

                On Mon, Nov 30, 2026 at 7:00 AM TTIS Trenggalekkab <csirt@trenggalekkab.go.id>
                wrote:
                > old
                """)).isEqualTo("Confirmed.");
    }

    @Test
    void outlook() {
        assertThat(ReplyText.strip("""
                Bukan insiden: email tersebut newsletter resmi.

                ________________________________
                From: TTIS Trenggalekkab <csirt@trenggalekkab.go.id>
                Sent: Monday, 30 November 2026 07:00
                Subject: [TTIS-2026-00042] Laporan diterima
                """)).isEqualTo("Bukan insiden: email tersebut newsletter resmi.");
        assertThat(ReplyText.strip("""
                Diteruskan ke TTIS.
                -----Original Message-----
                From: someone
                """)).isEqualTo("Diteruskan ke TTIS.");
        assertThat(ReplyText.strip("""
                Ditugaskan.

                From: Budi <budi@trenggalekkab.go.id>
                Sent: Monday, 30 November 2026 07:00
                """)).isEqualTo("Ditugaskan.");
    }

    @Test
    void thunderbirdAndSignatures() {
        assertThat(ReplyText.strip("""
                Perbaikan selesai, halaman dipulihkan dari cadangan.
                -- 
                Andi, TTIS Trenggalekkab
                0812-xxxx
                """)).isEqualTo("Perbaikan selesai, halaman dipulihkan dari cadangan.");
        assertThat(ReplyText.strip("""
                On 30/11/2026 07:00, TTIS Trenggalekkab wrote:
                > quoted only
                """)).isEmpty();
    }

    @Test
    void ordinaryTextThatMentionsFromIsKept() {
        assertThat(ReplyText.strip("From: the logs, the attacker came from 203.0.113.5.\nCek lampiran."))
                .isEqualTo("From: the logs, the attacker came from 203.0.113.5.\nCek lampiran.");
    }
}
