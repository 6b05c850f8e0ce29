package id.go.trenggalekkab.csirt.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;

/**
 * A configuration file the desk reads (the directory, the holidays): a path on disk, or
 * {@code classpath:...} for the example shipped in the jar ({@link ShippedDefaults}).
 */
public record ConfigFile(String location) {

    private static final String CLASSPATH = "classpath:";

    public boolean shipped() {
        return location.startsWith(CLASSPATH);
    }

    /** What changes when the file does: modification time and size on disk; the shipped one never changes. */
    public String version() {
        if (shipped()) {
            return exists() ? "shipped" : "missing";
        }
        try {
            Path path = Path.of(location);
            return Files.getLastModifiedTime(path).toMillis() + ":" + Files.size(path);
        } catch (IOException e) {
            return "missing";
        }
    }

    public boolean exists() {
        return shipped() ? new ClassPathResource(location.substring(CLASSPATH.length())).exists()
                : Files.isReadable(Path.of(location));
    }

    /** UTF-8 text; the caller closes it. */
    public Reader open() throws IOException {
        InputStream in = shipped() ? new ClassPathResource(location.substring(CLASSPATH.length())).getInputStream()
                : Files.newInputStream(Path.of(location));
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    public static Optional<ConfigFile> at(String location) {
        return location == null || location.isBlank() ? Optional.empty() : Optional.of(new ConfigFile(location.strip()));
    }

    @Override
    public String toString() {
        return shipped() ? location + " (the example shipped in the jar)" : location;
    }
}
