package id.go.trenggalekkab.csirt.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Evidence hashes: lowercase hex SHA-256, as {@code sha256sum} prints them. */
public final class Sha256 {

    /** Copied for each hash: looking the algorithm up among the providers each time cost more than the copy. */
    private static final MessageDigest PROTOTYPE = lookUp();

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
            return lookUp();
        }
    }

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
