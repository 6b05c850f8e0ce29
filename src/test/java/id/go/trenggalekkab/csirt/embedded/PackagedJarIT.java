package id.go.trenggalekkab.csirt.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a newcomer runs it: {@code java -jar} from an empty folder, nothing
 * configured, as whoever runs the build (root on these machines). It must start its
 * embedded PostgreSQL and GreenMail with the flows and directory shipped inside it, say
 * UP, and acknowledge a report. Runs after {@code package}, in {@code mvn verify}.
 */
class PackagedJarIT {

    @TempDir
    Path elsewhere;

    @Test
    void theJarStartsFromAnEmptyFolderAndAcknowledgesAReport() throws Exception {
        Path jar = Path.of(System.getProperty("csirt.jar", "target/csirt-maildesk-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).exists();
        int httpPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString()).directory(elsewhere.toFile()).redirectErrorStream(true)
                .redirectOutput(elsewhere.resolve("desk.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CSIRT_"));
        builder.environment().put("CSIRT_HTTP_PORT", Integer.toString(httpPort));
        Process desk = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(desk.isAlive()).as("the desk is running (see " + elsewhere.resolve("desk.log") + ")").isTrue();
                return health(http, httpPort).contains("\"status\":\"UP\"");
            });
            assertThat(health(http, httpPort)).contains("(the example shipped in the jar)");

            String reporter = "pelapor@desa.example";
            Session session = Session.getInstance(new Properties());
            MimeMessage report = new MimeMessage(session);
            report.setFrom(new InternetAddress(reporter));
            report.setRecipient(Message.RecipientType.TO, new InternetAddress("csirt@trenggalekkab.go.id"));
            report.setSubject("Situs desa diretas");
            report.setText("Halaman depan berisi tulisan peretas.", "UTF-8");
            try (Transport smtp = session.getTransport("smtp")) {
                smtp.connect("127.0.0.1", 3025, null, null);
                smtp.sendMessage(report, report.getAllRecipients());
            }
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> subjects(session, reporter).contains("Laporan diterima"));
            assertThat(Files.isDirectory(elsewhere.resolve("data"))).as("its data lives where it was started").isTrue();
        } finally {
            desk.destroy();
            if (!desk.waitFor(60, TimeUnit.SECONDS)) {
                desk.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String health(HttpClient http, int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The subjects in this person's inbox on the embedded GreenMail (login and password: the address). */
    private static String subjects(Session session, String address) {
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", 3143, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            StringBuilder all = new StringBuilder();
            for (Message m : inbox.getMessages()) {
                all.append(m.getSubject()).append('\n');
            }
            inbox.close(false);
            return all.toString();
        } catch (Exception notYet) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
