package id.go.trenggalekkab.csirt.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded default's secrets (database passwords, the API token): generated once, kept
 * in files only their owner may read ({@code secrets/} in the data folder, 0700 and 0600),
 * the same across restarts.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;

    Secrets(Path dataDir) {
        this.folder = dataDir.resolve("secrets").toAbsolutePath();
    }

    /** The secret of this name, made now where it does not exist yet. */
    synchronized String get(String name) {
        Path file = folder.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path fresh = Files.createTempFile(folder, name, ".new");
            restrict(fresh, "rw-------");
            Files.writeString(fresh, secret, StandardCharsets.US_ASCII);
            Files.move(fresh, file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded default's secret " + file + " cannot be kept", e);
        }
    }

    Path file(String name) {
        return folder.resolve(name);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
