package id.go.trenggalekkab.csirt.support;

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
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/…jar}, built by {@code package} before the ITs) run as
 * an operator runs it: {@code java -jar} in a folder of its own, with the environment given
 * and no CSIRT_ variable inherited from the build. For the start-path tests.
 */
public final class PackagedDesk implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private PackagedDesk(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts the jar in {@code folder} (its log in {@code folder/desk.log}) on a free HTTP port. */
    public static PackagedDesk start(Path folder, Map<String, String> environment) throws IOException {
        Path jar = Path.of(System.getProperty("csirt.jar", "target/csirt-maildesk-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package)").exists();
        return start(folder, environment, List.of(java(), "-Xmx512m", "-jar", jar.toString()), false);
    }

    /**
     * Starts a command line that runs the jar, in {@code folder}, with this environment and
     * nothing inherited but PATH where {@code clean} (as systemd starts a service), else the
     * build's environment without its CSIRT_ variables.
     */
    public static PackagedDesk start(Path folder, Map<String, String> environment, List<String> command, boolean clean)
            throws IOException {
        Files.createDirectories(folder);
        int httpPort = freePort();
        Path log = folder.resolve("desk.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (clean) {
            String path = builder.environment().get("PATH");
            builder.environment().clear();
            builder.environment().put("PATH", path);
        }
        builder.environment().keySet().removeIf(name -> name.startsWith("CSIRT_"));
        builder.environment().putAll(environment);
        builder.environment().put("CSIRT_HTTP_PORT", Integer.toString(httpPort));
        return new PackagedDesk(builder.start(), log, httpPort);
    }

    /** Waits until health says UP; fails at once if the process ended. */
    public PackagedDesk awaitUp() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(process.isAlive()).as("the desk is running (see " + log + ")").isTrue();
            return get("/actuator/health").contains("\"status\":\"UP\"");
        });
        return this;
    }

    /** The body of a GET on the desk's own port, or "" while it does not answer. */
    public String get(String path) {
        return get(path, null);
    }

    /** The same with the operator's API token, where the API is not open. */
    public String get(String path, String apiToken) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path));
            if (apiToken != null) {
                request.header("Authorization", "Bearer " + apiToken);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A report or command as a person's mail client sends it, to the desk's address. */
    public static MimeMessage mailToTheDesk(Session session, String from, String subject, String text) throws Exception {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("csirt@trenggalekkab.go.id"));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        mail.saveChanges();
        return mail;
    }

    /** Sends over plain SMTP without authentication, as GreenMail (or an MX) takes it. */
    public static void sendPlain(Session session, int port, MimeMessage mail) throws Exception {
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect("127.0.0.1", port, null, null);
            smtp.sendMessage(mail, mail.getAllRecipients());
        }
    }

    /** The subjects in a mailbox on 127.0.0.1 (imap or imaps per the session's protocol), or "" while it cannot be read. */
    public static String subjects(Session session, String protocol, int port, String user, String password) {
        try (Store store = session.getStore(protocol)) {
            store.connect("127.0.0.1", port, user, password);
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

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
