package id.go.trenggalekkab.csirt.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Evidence hashes: the published test vectors, and digests that never share what they were fed. */
class Sha256Test {

    @Test
    void hashesAsSha256sumPrintsThem() {
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void eachDigestStartsEmptyAndKeepsItsOwnInput() {
        MessageDigest report = Sha256.digest();
        report.update("abc".getBytes(StandardCharsets.US_ASCII));
        // a second hash begun while the first is half fed, as two intake lanes do
        MessageDigest attachment = Sha256.digest();
        attachment.update("something else entirely".getBytes(StandardCharsets.US_ASCII));
        assertThat(Sha256.hex(report)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex(Sha256.digest())).isEqualTo(Sha256.hex(new byte[0]));
    }
}
