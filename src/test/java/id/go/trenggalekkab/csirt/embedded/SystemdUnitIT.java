package id.go.trenggalekkab.csirt.embedded;

import static id.go.trenggalekkab.csirt.support.PackagedDesk.mailToTheDesk;
import static id.go.trenggalekkab.csirt.support.PackagedDesk.sendPlain;
import static id.go.trenggalekkab.csirt.support.PackagedDesk.subjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.PackagedDesk;
import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/csirt-maildesk.service as systemd would run it, without systemd (no init runs
 * here): the unit passes {@code systemd-analyze verify} without a warning; its
 * ExecStart, with the jar installed where the unit's header says (a copy), runs as an
 * unprivileged user (the unit's, else nobody) in its WorkingDirectory (a folder of that
 * user's), with nothing in its environment but PATH and the HTTP port, and takes a
 * report to its acknowledgement. With no servers configured that is the embedded default;
 * the real-server settings of deploy/environment.example are covered by
 * ComposeNativelyIT and MailStackIT, and every one of its variables must be in the README.
 */
class SystemdUnitIT {

    private static final Path UNIT = Path.of("deploy/csirt-maildesk.service");

    @TempDir
    Path work;

    @Test
    void theUnitIsValidAndItsCommandRunsAsAnUnprivilegedUserInItsWorkingDirectory() throws Exception {
        Map<String, String> service = service(Files.readString(UNIT, StandardCharsets.UTF_8));
        if (Files.isExecutable(Path.of("/usr/bin/systemd-analyze"))) {
            // verify also loads the machine's other units and says what it thinks of them (an
            // installed package's unit naming a service that is not there): only ours counts
            String said = run(List.of("systemd-analyze", "verify", UNIT.toAbsolutePath().toString()));
            assertThat(said.lines().filter(line -> !line.startsWith("/lib/systemd/") && !line.startsWith("/usr/lib/systemd/")
                    && !line.startsWith("/etc/systemd/")).toList())
                    .as("systemd-analyze verify says nothing about a sound unit: %s", said).isEmpty();
        }
        assertThat(service).containsKeys("User", "WorkingDirectory", "ExecStart", "EnvironmentFile");
        assertThat(service.get("User")).isNotEqualTo("root");
        assertDocumented(Path.of("deploy/environment.example"));

        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "starting as another user needs root");
        String user = exists(service.get("User")) ? service.get("User") : "nobody";
        // the install steps of the unit's header: the jar readable by all, a home for the service user
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path installed = work.resolve("opt/csirt-maildesk.jar");
        Files.createDirectories(installed.getParent());
        Files.copy(Path.of(System.getProperty("csirt.jar", "target/csirt-maildesk-0.1.0-SNAPSHOT.jar")), installed,
                StandardCopyOption.REPLACE_EXISTING);
        Path home = Files.createDirectories(work.resolve("var/lib/csirt-maildesk"));
        run(List.of("chown", user, home.toString()));

        List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        for (String word : service.get("ExecStart").split("\\s+")) {
            command.add(word.endsWith(".jar") ? installed.toString() : word);
        }
        try (PackagedDesk desk = PackagedDesk.start(home, Map.of(), command, true).awaitUp()) {
            Session session = Session.getInstance(new Properties());
            String reporter = "pelapor@desa.example";
            sendPlain(session, 3025, mailToTheDesk(session, reporter, "Situs desa diretas", "Halaman depan berisi tulisan peretas."));
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> subjects(session, "imap", 3143, reporter, reporter).contains("Laporan diterima"));
            assertThat(run(List.of("stat", "-c", "%U", home.resolve("data/postgres").toString())).strip())
                    .as("its data belongs to the service user").isEqualTo(user);
        }
    }

    /** The [Service] section's settings, one value each. */
    private static Map<String, String> service(String unit) {
        Map<String, String> settings = new LinkedHashMap<>();
        boolean inService = false;
        for (String line : unit.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                inService = trimmed.equals("[Service]");
            } else if (inService && trimmed.contains("=") && !trimmed.startsWith("#")) {
                settings.put(trimmed.substring(0, trimmed.indexOf('=')), trimmed.substring(trimmed.indexOf('=') + 1));
            }
        }
        return settings;
    }

    /** Every variable the environment file sets is one the README's configuration table explains. */
    private static void assertDocumented(Path environmentFile) throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher assignment = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)=").matcher(Files.readString(environmentFile, StandardCharsets.UTF_8));
        int variables = 0;
        while (assignment.find()) {
            variables++;
            assertThat(readme).as(assignment.group(1) + " is explained in the README").contains("`" + assignment.group(1));
        }
        assertThat(variables).isPositive();
    }

    private static boolean exists(String user) throws Exception {
        Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
