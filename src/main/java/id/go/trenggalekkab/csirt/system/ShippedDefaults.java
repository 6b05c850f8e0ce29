package id.go.trenggalekkab.csirt.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The jar carries the desk's flows ({@code routes/}) and the example directory and
 * holidays ({@code defaults/}), so it starts from any folder. Files on disk override them:
 * a flow file in the routes folder ({@code CSIRT_ROUTES_DIR}, default {@code ./routes})
 * replaces the shipped flow of the same name, and further files there are added; the
 * directory and holidays are read from {@code CSIRT_DIRECTORY_FILE}/{@code CSIRT_HOLIDAYS_FILE}
 * where set, else from {@code ./config/} where present, else from the jar. A file named
 * explicitly is never replaced by the shipped example: if it is missing, the desk says so
 * (an empty directory, its health DOWN) rather than letting the example's people command.
 */
public class ShippedDefaults implements EnvironmentPostProcessor {

    static final String ROUTES_PATTERN = "camel.main.routes-include-pattern";
    static final String DIRECTORY_FILE = "csirt.directory.file";
    static final String HOLIDAYS_FILE = "csirt.sla.holidays-file";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> chosen = new TreeMap<>();
        Path workingDirectory = Path.of(environment.getProperty("user.dir", "."));
        if (blank(environment.getProperty(ROUTES_PATTERN))) {
            Path folder = Path.of(environment.getProperty("csirt.routes-dir", workingDirectory.resolve("routes").toString()));
            chosen.put(ROUTES_PATTERN, String.join(",", routes(folder)));
        }
        if (blank(environment.getProperty(DIRECTORY_FILE))) {
            chosen.put(DIRECTORY_FILE, onDiskOrShipped(workingDirectory.resolve("config/directory.yml"), "directory.yml"));
        }
        if (blank(environment.getProperty(HOLIDAYS_FILE))) {
            chosen.put(HOLIDAYS_FILE, onDiskOrShipped(workingDirectory.resolve("config/holidays.yml"), "holidays.yml"));
        }
        if (!chosen.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("csirt-shipped-defaults", chosen));
        }
    }

    /** Each shipped flow, or the file of the same name in the folder; then the folder's own further flows. */
    static List<String> routes(Path folder) {
        Map<String, String> byName = new TreeMap<>();
        try {
            for (Resource shipped : new PathMatchingResourcePatternResolver().getResources("classpath*:routes/*.camel.yaml")) {
                byName.put(shipped.getFilename(), "classpath:routes/" + shipped.getFilename());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the flows shipped in the jar cannot be listed", e);
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml") && Files.isRegularFile(f))
                        .forEach(f -> byName.put(f.getFileName().toString(), "file:" + f.toAbsolutePath()));
            } catch (IOException e) {
                throw new UncheckedIOException("the routes folder " + folder + " cannot be listed", e);
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static String onDiskOrShipped(Path onDisk, String shipped) {
        return Files.isRegularFile(onDisk) ? onDisk.toAbsolutePath().toString() : "classpath:defaults/" + shipped;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
