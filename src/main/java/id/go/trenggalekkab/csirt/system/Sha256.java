package id.go.trenggalekkab.csirt.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence hashes: lowercase hex SHA-256, as {@code sha256sum} prints them.
 *
 * <p>Computed by the system's NSS library where there is one (Debian's Java depends on it),
 * through the JDK's own PKCS#11 provider, else by the JDK's Java code. The desk runs with C1
 * alone (README, "Operations"), which has no SHA-256 intrinsic: the JDK's code hashed 130 MB/s
 * here, NSS 1.4-1.7 GB/s, and every report's raw bytes, each attachment and each mail the desk
 * sends are hashed (15 % of the intake's CPU in a flood). The NSS digest is used only where it
 * gives the JDK's answers on test inputs at start; it is never installed as a provider for
 * anything else (TLS keeps the JDK's).
 */
public final class Sha256 {

    private static final Logger log = LoggerFactory.getLogger(Sha256.class);

    /** Where Debian, Ubuntu and Red Hat keep NSS's libraries. */
    private static final List<String> NSS_DIRECTORIES = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64", "/usr/lib");

    /** Copied for each hash: looking the algorithm up among the providers each time cost more than the copy. */
    private static final MessageDigest PROTOTYPE = chosen();

    private Sha256() {}

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The hex of what a digest (from {@link #digest()}) has been fed so far. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return jdks();
        }
    }

    /** Which code computes the hashes: NSS's (through "SunPKCS11-nss") or the JDK's ("SUN"). */
    public static String provider() {
        return PROTOTYPE.getProvider().getName();
    }

    private static MessageDigest chosen() {
        MessageDigest jdks = jdks();
        Optional<MessageDigest> nss = nss().filter(candidate -> agrees(candidate, jdks));
        log.info("Evidence hashes (SHA-256) computed by {}", nss.orElse(jdks).getProvider().getName());
        return nss.orElse(jdks);
    }

    static MessageDigest jdks() {
        try {
            return MessageDigest.getInstance("SHA-256", "SUN");
        } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException none) {
                throw new IllegalStateException("every Java runtime has SHA-256", none);
            }
        }
    }

    /** NSS's SHA-256 through a PKCS#11 provider of this class's own, without a key database; empty where unavailable. */
    static Optional<MessageDigest> nss() {
        Optional<String> directory = nssDirectory();
        Provider pkcs11 = Security.getProvider("SunPKCS11");
        if (directory.isEmpty() || pkcs11 == null) {
            return Optional.empty();
        }
        try {
            Provider nss = pkcs11.configure("--name=nss\nnssLibraryDirectory=" + directory.get()
                    + "\nnssDbMode=noDb\nattributes=compatibility\n");
            MessageDigest digest = MessageDigest.getInstance("SHA-256", nss);
            digest.clone();
            return Optional.of(digest);
        } catch (Exception | LinkageError e) {
            log.debug("NSS not usable for SHA-256, the JDK's code hashes: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The folder holding the system's NSS libraries, where it has them. */
    static Optional<String> nssDirectory() {
        return NSS_DIRECTORIES.stream()
                .filter(d -> Files.isReadable(Path.of(d, "libnss3.so")) && Files.isReadable(Path.of(d, "libsoftokn3.so")))
                .findFirst();
    }

    /**
     * The candidate gives the JDK's hashes: for nothing, and for pseudo-random bytes of
     * awkward lengths (around SHA-256's 64-byte block and its padding) fed in awkward pieces.
     */
    static boolean agrees(MessageDigest candidate, MessageDigest reference) {
        try {
            SplittableRandom random = new SplittableRandom(20261203);
            for (int length : new int[] {0, 3, 55, 56, 63, 64, 65, 1000, 65_537, 300_001}) {
                byte[] input = new byte[length];
                for (int i = 0; i < length; i++) {
                    input[i] = (byte) random.nextInt(256);
                }
                MessageDigest mine = (MessageDigest) candidate.clone();
                MessageDigest theirs = (MessageDigest) reference.clone();
                for (int at = 0; at < length; ) {
                    int piece = Math.min(length - at, 1 + random.nextInt(9000));
                    mine.update(input, at, piece);
                    at += piece;
                }
                if (!Arrays.equals(mine.digest(), theirs.digest(input))) {
                    log.warn("NSS's SHA-256 differs from the JDK's on a test input; the JDK's code hashes");
                    return false;
                }
            }
            return true;
        } catch (CloneNotSupportedException | RuntimeException e) {
            log.debug("NSS's SHA-256 could not be checked, the JDK's code hashes: {}", e.toString());
            return false;
        }
    }
}
