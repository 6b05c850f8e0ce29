package id.go.trenggalekkab.csirt.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void theReportersAddressNameSignatureAndPhoneNumbersAreTakenOutTheIncidentStays() {
        String report = """
                Selamat malam. Saya Budi Santoso dari Dinas Pertanian (budi.santoso@pertanian.example).
                Situs https://desa-x.trenggalekkab.go.id berisi judi online sejak 01.30, server 10.20.30.40.
                Email penipuan datang dari admin@phish.example pada 01-12-2026.
                Hubungi saya di 0812-3456-7890 atau +62 813 9876 5432, kantor (0355) 791234.
                Terima kasih,
                Budi
                Staf IT, WA 081234567890
                """;
        String redacted = PersonalData.redact(report, "Budi Santoso", "budi.santoso@pertanian.example");
        assertThat(redacted).doesNotContain("budi.santoso@").doesNotContainIgnoringCase("budi").doesNotContain("Santoso")
                .doesNotContain("0812-3456-7890").doesNotContain("813 9876").doesNotContain("791234")
                .doesNotContain("Staf IT").doesNotContain("081234567890")
                .contains("Saya [nama pelapor] dari Dinas Pertanian ([alamat pelapor])")
                .contains("Hubungi saya di [nomor telepon] atau [nomor telepon], kantor [nomor telepon].")
                .contains("https://desa-x.trenggalekkab.go.id").contains("10.20.30.40").contains("admin@phish.example")
                .contains("01-12-2026").endsWith(PersonalData.SIGNATURE);
    }

    @Test
    void theSignatureDelimiterEndsTheText() {
        assertThat(PersonalData.redact("Situs diretas.\n-- \nAni\nHP 08111222333\n", "Ani", "ani@x.example"))
                .isEqualTo("Situs diretas.\n" + PersonalData.SIGNATURE);
        assertThat(PersonalData.redact("Situs diretas tanpa tanda tangan.", null, null))
                .isEqualTo("Situs diretas tanpa tanda tangan.");
    }
}
