package id.go.trenggalekkab.csirt.bench;

import id.go.trenggalekkab.csirt.system.Sha256;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The evidence hash's speed: the digest the desk uses ({@link Sha256}: NSS where the system
 * has it) against the JDK's own code, on an attachment-sized and a slice-sized input. Run
 * with MAVEN_OPTS=-XX:TieredStopAtLevel=1 to measure the JIT the desk ships with.
 */
final class HashBenchmark {

    private HashBenchmark() {
    }

    static void run() throws Exception {
        System.out.println("JIT: " + PeerComparison.jitAsStarted());
        report("in use (" + Sha256.provider() + ")", Sha256::digest);
        report("the JDK's code (SUN)", () -> {
            try {
                return MessageDigest.getInstance("SHA-256", "SUN");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void report(String what, Supplier<MessageDigest> digests) {
        for (int size : new int[] {8 * 1024, 1 << 20}) {
            byte[] input = new byte[size];
            new SplittableRandom(size).nextBytes(input);
            long bytes = 256L << 20;
            double best = 0;
            for (int round = 0; round < 4; round++) {
                long start = System.nanoTime();
                for (long done = 0; done < bytes; done += size) {
                    digests.get().digest(input);
                }
                best = Math.max(best, bytes / 1e6 / ((System.nanoTime() - start) / 1e9));
            }
            System.out.printf(Locale.ROOT, "  SHA-256, %s, %d-byte inputs: %.0f MB/s (best of 4 rounds of 256 MiB)%n",
                    what, size, best);
        }
    }
}
