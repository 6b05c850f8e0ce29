package id.go.trenggalekkab.csirt.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Started from a folder that is not the checkout, the desk runs the flows, directory and
 * holidays shipped in its jar; files on disk replace them by name, and a file named
 * explicitly is never swapped for the example.
 */
class ShippedDefaultsTest {

    @TempDir
    Path elsewhere;

    @Test
    void fromAnEmptyFolderEverythingComesFromTheJar() {
        StandardEnvironment environment = environment(Map.of("user.dir", elsewhere.toString()));
        new ShippedDefaults().postProcessEnvironment(environment, new SpringApplication());
        List<String> routes = List.of(environment.getProperty(ShippedDefaults.ROUTES_PATTERN).split(","));
        assertThat(routes).contains("classpath:routes/mailbox-intake.camel.yaml", "classpath:routes/take-in.camel.yaml")
                .allMatch(r -> r.startsWith("classpath:routes/"));
        assertThat(routes).hasSizeGreaterThanOrEqualTo(10);
        assertThat(environment.getProperty(ShippedDefaults.DIRECTORY_FILE)).isEqualTo("classpath:defaults/directory.yml");
        assertThat(environment.getProperty(ShippedDefaults.HOLIDAYS_FILE)).isEqualTo("classpath:defaults/holidays.yml");
        assertThat(new ConfigFile("classpath:defaults/directory.yml").exists()).isTrue();
    }

    @Test
    void filesOnDiskReplaceTheShippedOnesByNameAndAddTheirOwn() throws IOException {
        Path routes = Files.createDirectories(elsewhere.resolve("routes"));
        Files.writeString(routes.resolve("daily-summary.camel.yaml"), "[]\n");
        Files.writeString(routes.resolve("our-own.camel.yaml"), "[]\n");
        Files.createDirectories(elsewhere.resolve("config"));
        Files.writeString(elsewhere.resolve("config/directory.yml"), "people: []\n");
        StandardEnvironment environment = environment(Map.of("user.dir", elsewhere.toString()));
        new ShippedDefaults().postProcessEnvironment(environment, new SpringApplication());
        List<String> chosen = List.of(environment.getProperty(ShippedDefaults.ROUTES_PATTERN).split(","));
        assertThat(chosen).contains("file:" + routes.resolve("daily-summary.camel.yaml"),
                "file:" + routes.resolve("our-own.camel.yaml"), "classpath:routes/take-in.camel.yaml")
                .doesNotContain("classpath:routes/daily-summary.camel.yaml");
        assertThat(environment.getProperty(ShippedDefaults.DIRECTORY_FILE))
                .isEqualTo(elsewhere.resolve("config/directory.yml").toString());
    }

    @Test
    void aFileNamedExplicitlyIsKeptEvenWhereItIsMissing() {
        StandardEnvironment environment = environment(Map.of("user.dir", elsewhere.toString(),
                ShippedDefaults.DIRECTORY_FILE, "/etc/csirt/directory.yml"));
        new ShippedDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(ShippedDefaults.DIRECTORY_FILE)).isEqualTo("/etc/csirt/directory.yml");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
