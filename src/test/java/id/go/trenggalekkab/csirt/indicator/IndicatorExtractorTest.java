package id.go.trenggalekkab.csirt.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Indicators from the text people write, tricky forms included; and text crafted to make a
 * backtracking pattern run for ever costs no more than prose (the extractor has none).
 */
class IndicatorExtractorTest {

    private final IndicatorExtractor extractor = new IndicatorExtractor(List.of("trenggalekkab.go.id"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            situs hxxp://dinas-pariwisata[.]go[.]id/shell.php diretas  | URL    | http://dinas-pariwisata.go.id/shell.php | NONE
            (lihat https://evil.example/a?b=c).                        | URL    | https://evil.example/a?b=c              | DOCUMENTATION
            tautan https://id.wikipedia.org/wiki/Peretas_(komputer).   | URL    | https://id.wikipedia.org/wiki/Peretas_(komputer) | NONE
            HXXPS[://]Login-Bank.COM/verifikasi,                       | URL    | https://login-bank.com/verifikasi       | NONE
            http://[2001:DB8::1]:8080/x                                | URL    | http://[2001:db8::1]:8080/x             | DOCUMENTATION
            koneksi dari 45.13.227.9 ke server                         | IPV4   | 45.13.227.9                             | NONE
            defang 45[.]13[.]227[.]9                                   | IPV4   | 45.13.227.9                             | NONE
            ssh dari 45.13.227.9:2222                                  | IPV4   | 45.13.227.9                             | NONE
            gateway 192.168.10.1 internal                              | IPV4   | 192.168.10.1                            | PRIVATE
            login dari 203.0.113.44                                    | IPV4   | 203.0.113.44                            | DOCUMENTATION
            alamat 2001:0DB8:0000:0000:0000:ff00:0042:8329             | IPV6   | 2001:db8::ff00:42:8329                  | DOCUMENTATION
            alamat 2a03:2880:f12f:83:face:b00c::25de.                  | IPV6   | 2a03:2880:f12f:83:face:b00c:0:25de      | NONE
            IPv6 fe80::1%eth0 lokal                                    | IPV6   | fe80::1                                 | PRIVATE
            loopback ::1 saja                                          | IPV6   | ::1                                     | PRIVATE
            prefiks 2001:db8:: dipakai                                 | IPV6   | 2001:db8::                              | DOCUMENTATION
            domain phishing login-bni-verifikasi.com sudah aktif.      | DOMAIN | login-bni-verifikasi.com                | NONE
            domain login-bni-verifikasi[dot]com                        | DOMAIN | login-bni-verifikasi.com                | NONE
            IDN bücher.de dipakai                                      | DOMAIN | xn--bcher-kva.de                        | NONE
            situs kita www.trenggalekkab.go.id                         | DOMAIN | www.trenggalekkab.go.id                 | OWN
            kirim ke admin (at) phish (dot) co (dot) id                | EMAIL  | admin@phish.co.id                       | NONE
            dari penipu[@]mail-palsu.net                               | EMAIL  | penipu@mail-palsu.net                   | NONE
            hash 44D88612FEA8A8F36DE82E1278ABB02F dari VirusTotal      | MD5    | 44d88612fea8a8f36de82e1278abb02f        | NONE
            sha1 3395856ce81f2b7382dee72602f798b642f14140               | SHA1   | 3395856ce81f2b7382dee72602f798b642f14140 | NONE
            sha256: 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f. | SHA256 | 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f | NONE
            celah cve-2024-3400 pada firewall                          | CVE    | CVE-2024-3400                           | NONE
            """)
    void findsOneIndicator(String text, IndicatorType type, String value, Mark mark) {
        assertThat(extractor.extract(text, Set.of())).contains(new Indicator(type, value, mark));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            unduh https://unduh-berkas.com/\u202Efdp.exe segera       | URL    | https://unduh-berkas.com/fdp.exe
            panel c2\u200B-panel\u200D.xyz                            | DOMAIN | c2-panel.xyz
            situs login-bank\u00AD.com                                 | DOMAIN | login-bank.com
            tag \uDB40\uDC41evil-site.com                             | DOMAIN | evil-site.com
            buka http://evil-site.com/a\u00A0lalu masuk                | URL    | http://evil-site.com/a
            """)
    void invisibleCharactersNeitherHideNorDisguiseAnIndicator(String escaped, IndicatorType type, String value) {
        String text = java.util.regex.Pattern.compile("\\\\u([0-9A-Fa-f]{4})").matcher(escaped)
                .replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
        List<Indicator> found = extractor.extract(text, Set.of());
        assertThat(found).contains(new Indicator(type, value, Mark.NONE));
        assertThat(found).allSatisfy(i -> assertThat(i.value().codePoints()).noneMatch(
                c -> Character.getType(c) == Character.FORMAT || Character.isSpaceChar(c)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            terlampir laporan.zip dan readme.md
            versi 5.0.3 terpasang, 1.200 data bocor
            jam 10:30:00 WIB
            berkas index.php dan setup.exe
            nilai a3f9c1e0b7 terlalu pendek
            CVE-24-1 bukan nama CVE
            999.1.1.1 bukan alamat
            """)
    void findsNothingInWhatOnlyLooksLikeAnIndicator(String text) {
        assertThat(extractor.extract(text, Set.of())).isEmpty();
    }

    @Test
    void theAgencysOwnNetworksAreMarkedAsItsOwn() {
        IndicatorExtractor withNetworks = new IndicatorExtractor(List.of("trenggalekkab.go.id"),
                List.of("103.147.8.0/22", "2001:df0:2ab::/48"));
        assertThat(withNetworks.extract("server kami 103.147.10.5 diserang dari 103.147.12.5 dan 2001:df0:2ab:1::5",
                Set.of())).containsExactly(
                new Indicator(IndicatorType.IPV4, "103.147.10.5", Mark.OWN),
                new Indicator(IndicatorType.IPV4, "103.147.12.5", Mark.NONE),
                new Indicator(IndicatorType.IPV6, "2001:df0:2ab:1::5", Mark.OWN));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IndicatorExtractor(List.of(), List.of("kantor.example/24")))
                .as("a name is never looked up as a range").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHashInsideALongerHexRunIsNotAHash() {
        String sha512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
        assertThat(extractor.extract("sha512 " + sha512, Set.of())).isEmpty();
    }

    @Test
    void theReportersOwnAddressIsNotAnIndicatorButOthersAre() {
        List<Indicator> found = extractor.extract("Saya Budi@Dinas.example.org, email penipu: hadiah@undian-palsu.com",
                Set.of("budi@dinas.example.org"));
        assertThat(found).extracting(Indicator::value).containsExactly("hadiah@undian-palsu.com");
    }

    @Test
    void eachIndicatorOnceInOrderOfFirstAppearance() {
        List<Indicator> found = extractor.extract(
                "45.13.227.9 lalu evil-site.com lalu 45[.]13[.]227[.]9 lagi dan EVIL-SITE.COM", Set.of());
        assertThat(found).extracting(Indicator::value).containsExactly("45.13.227.9", "evil-site.com");
    }

    @Test
    void aUrlsHostIsPartOfTheUrlNotASecondIndicator() {
        assertThat(extractor.extract("https://evil-site.com/login", Set.of()))
                .extracting(Indicator::type).containsExactly(IndicatorType.URL);
    }

    @Test
    void defangedForPeopleEverywhere() {
        assertThat(new Indicator(IndicatorType.URL, "https://evil-site.com:8443/a.php?x=1.2", Mark.NONE).defanged())
                .isEqualTo("hxxps[://]evil-site[.]com[:]8443/a.php?x=1.2");
        assertThat(new Indicator(IndicatorType.IPV4, "45.13.227.9", Mark.NONE).defanged()).isEqualTo("45[.]13[.]227[.]9");
        assertThat(new Indicator(IndicatorType.EMAIL, "a@b.com", Mark.NONE).defanged()).isEqualTo("a[@]b[.]com");
        assertThat(new Indicator(IndicatorType.DOMAIN, "evil-site.com", Mark.NONE).defanged()).isEqualTo("evil-site[.]com");
        // what is defanged reads back as the same indicator
        for (Indicator i : extractor.extract("https://evil-site.com/x 45.13.227.9 a@evil-site.com evil-site.com", Set.of())) {
            assertThat(extractor.extract(i.defanged(), Set.of())).containsExactly(i);
        }
    }

    @Test
    void textBuiltToMakePatternsBacktrackIsReadLikeProse() {
        // the classic catastrophes for e-mail, URL and domain patterns: long runs that almost match
        String[] hostile = {
            "a".repeat(200_000) + "@",
            "a.".repeat(200_000) + "!",
            "http://" + "a.".repeat(100_000) + "@",
            "1.".repeat(150_000),
            ("x@" + "y.".repeat(50)).repeat(2_000),
            "[.]".repeat(100_000) + "(dot)".repeat(50_000),
            "f".repeat(300_000) + ":" + "0".repeat(100_000),
            "http://evil.example/" + ")".repeat(200_000),
        };
        String prose = "Situs dinas diretas, mohon dibantu. ".repeat(30_000);
        long proseNanos = timeOf(prose);
        for (String text : hostile) {
            long nanos = timeOf(text);
            // linear: the same order of cost per character as prose, with a wide margin for a noisy machine
            assertThat(nanos / (double) text.length())
                    .as("ns per char on %s... vs prose %.1f", text.substring(0, 20), proseNanos / (double) prose.length())
                    .isLessThan(50 * Math.max(50.0, proseNanos / (double) prose.length()));
        }
    }

    private long timeOf(String text) {
        extractor.extract(text, Set.of());
        long t0 = System.nanoTime();
        extractor.extract(text, Set.of());
        return System.nanoTime() - t0;
    }
}
