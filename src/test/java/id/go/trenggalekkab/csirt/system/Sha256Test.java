package id.go.trenggalekkab.csirt.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Evidence hashes: the published test vectors, digests that never share what they were fed,
 * and NSS's code (where the system has it) giving the JDK's hashes for everything, from
 * several threads at once as the intake's lanes hash.
 */
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

    @Test
    void theSystemsNssHashesWhereTheSystemHasIt() {
        boolean nssInstalled = Sha256.nssDirectory().isPresent();
        assertThat(Sha256.provider()).as("the provider in use, NSS installed: %s", nssInstalled)
                .isEqualTo(nssInstalled ? "SunPKCS11-nss" : "SUN");
    }

    @Test
    void theDigestInUseGivesTheJdksHashesFromSeveralThreadsAtOnce() throws Exception {
        ExecutorService lanes = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int lane = 0; lane < 4; lane++) {
                long seed = lane;
                done.add(lanes.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int round = 0; round < 150; round++) {
                        byte[] input = new byte[random.nextInt(round < 100 ? 300 : 200_000)];
                        for (int i = 0; i < input.length; i++) {
                            input[i] = (byte) random.nextInt(256);
                        }
                        MessageDigest fed = Sha256.digest();
                        for (int at = 0; at < input.length; ) {
                            int piece = Math.min(input.length - at, 1 + random.nextInt(20_000));
                            fed.update(input, at, piece);
                            at += piece;
                        }
                        assertThat(Sha256.hex(fed)).as("lane %d, round %d, %d bytes", seed, round, input.length)
                                .isEqualTo(Sha256.hex(input))
                                .isEqualTo(java.util.HexFormat.of().formatHex(Sha256.jdks().digest(input)));
                    }
                    return null;
                }));
            }
            for (Future<?> lane : done) {
                lane.get();
            }
        } finally {
            lanes.shutdown();
        }
    }

    @Test
    void aDigestThatDisagreesWithTheJdksIsNotUsed() throws Exception {
        assertThat(Sha256.agrees(MessageDigest.getInstance("SHA-512/256"), Sha256.jdks())).isFalse();
        assertThat(Sha256.agrees(Sha256.jdks(), Sha256.jdks())).isTrue();
        Sha256.nss().ifPresent(nss -> assertThat(Sha256.agrees(nss, Sha256.jdks())).isTrue());
    }
}
