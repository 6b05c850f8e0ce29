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
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a newcomer runs it: {@code java -jar} from an empty folder, nothing
 * configured, as whoever runs the build (root on these machines). It must start its
 * embedded PostgreSQL and GreenMail with the flows and directory shipped inside it, say
 * UP, and acknowledge a report; {@code deploy/backup.sh}, run beside it with nothing
 * configured, must find its running PostgreSQL and dump the desk's tables. Runs after
 * {@code package}, in {@code mvn verify}.
 */
class PackagedJarIT {

    @TempDir
    Path elsewhere;

    @Test
    void theJarStartsFromAnEmptyFolderAndAcknowledgesAReport() throws Exception {
        try (PackagedDesk desk = PackagedDesk.start(elsewhere, Map.of()).awaitUp()) {
            assertThat(desk.get("/actuator/health")).contains("(the example shipped in the jar)");
            // said once the desk is ready, which comes just after its port answers
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.readString(desk.log()).contains("Web view: "));
            assertThat(Files.readString(desk.log())).as("the newcomer is told where to sign in")
                    .containsPattern("Web view: http://127\\.0\\.0\\.1:\\d+/masuk")
                    .contains("The JSON API answers reads without sign-in");
            assertThat(desk.get("/")).as("the web view needs a sign-in").doesNotContain("Antrean kasus");

            String reporter = "pelapor@desa.example";
            Session session = Session.getInstance(new Properties());
            sendPlain(session, 3025, mailToTheDesk(session, reporter, "Situs desa diretas", "Halaman depan berisi tulisan peretas."));
            // the embedded GreenMail: every mailbox's login and password are its address
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> subjects(session, "imap", 3143, reporter, reporter).contains("Laporan diterima"));
            assertThat(Files.isDirectory(elsewhere.resolve("data"))).as("its data lives where it was started").isTrue();

            if (Files.isExecutable(Path.of("/usr/bin/pg_dump")) && Files.isExecutable(Path.of("/usr/bin/pg_restore"))) {
                // deploy/backup.sh run beside the embedded default, with nothing set: it finds the running PostgreSQL in ./data
                String backup = inFolder(elsewhere, "bash", Path.of("deploy/backup.sh").toAbsolutePath().toString(), "desk.dump");
                assertThat(backup).contains("written to desk.dump");
                assertThat(inFolder(elsewhere, "pg_restore", "--list", "desk.dump"))
                        .contains("TABLE DATA public ticket").contains("TABLE DATA public attachment").contains("TABLE DATA public logbook");
            }
        }
    }

    /** Runs a command in that folder with no PG* or CSIRT_* variable; its output, after it succeeded. */
    private static String inFolder(Path folder, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CSIRT_") || name.startsWith("PG"));
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
