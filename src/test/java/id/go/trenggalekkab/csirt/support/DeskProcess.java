package id.go.trenggalekkab.csirt.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The desk as its own operating-system process, for what cannot be done to a Spring
 * context inside the test JVM: killing it with SIGKILL, or capping its heap. It has a
 * database and a mailbox of its own on the shared test servers, so it never competes with
 * the in-JVM desk; its output goes to {@code target/desk-<name>.log}.
 */
public final class DeskProcess implements AutoCloseable {

    public static final String DATABASE_URL = "spring.datasource.url";
    public static final String SMTP_PORT = "spring.mail.port";
    public static final String IMAP_URL = "csirt.imap.url";

    private static final Pattern PEAK = Pattern.compile("PEAK_HEAP_BYTES=(\\d+)");
    private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;

    private DeskProcess(String name, List<String> command) {
        this.name = name;
        this.command = command;
        this.log = Paths.get("target", "desk-" + name + ".log").toAbsolutePath();
    }

    /**
     * A desk reading {@code mailbox} (created in GreenMail) into database {@code name}
     * (created empty), not yet started. {@code settings} replace the defaults below, e.g.
     * to reach a server through a {@link TcpProxy}.
     */
    public static DeskProcess prepare(String name, String mailbox, List<String> jvmOptions, Map<String, String> settings) {
        TestServers.greenMail().setUser(mailbox, mailbox, mailbox);
        createDatabase(name);
        return instance(name, name, mailbox, jvmOptions, settings);
    }

    /**
     * Another instance of a desk already {@link #prepare prepared}: the same database and
     * mailbox, its own process and log ({@code target/desk-<logName>.log}).
     */
    public static DeskProcess instance(String logName, String database, String mailbox, List<String> jvmOptions,
                                       Map<String, String> settings) {
        String name = database;
        Map<String, String> all = new LinkedHashMap<>();
        all.put("csirt.embedded.enabled", "false");
        all.put("server.port", "0");
        all.put("server.address", "127.0.0.1");
        all.put("csirt.http.open-api", "true");
        all.put(DATABASE_URL, databaseUrl(name));
        all.put("spring.datasource.username", "postgres");
        all.put("spring.mail.host", "127.0.0.1");
        all.put(SMTP_PORT, String.valueOf(TestServers.smtpPort()));
        all.put(IMAP_URL, "imap://127.0.0.1:" + TestServers.imapPort());
        all.put("csirt.imap.user", mailbox);
        all.put("csirt.imap.password", mailbox);
        all.put("csirt.imap.poll-delay", "200");
        all.put("csirt.outbox.poll-interval", "200");
        all.put("csirt.outbox.initial-backoff", "200ms");
        all.put("csirt.outbox.max-backoff", "1s");
        all.putAll(settings);
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(HeapReportingDesk.class.getName());
        all.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new DeskProcess(logName, command);
    }

    public static String databaseUrl(String name) {
        return TestServers.postgres().getJdbcUrl("postgres", name);
    }

    /** The database's URL with another port: that of a proxy in front of PostgreSQL. */
    public static String databaseUrl(String name, int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + name + "?user=postgres";
    }

    public DeskProcess start() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the desk process " + name, e);
        }
    }

    /** Whether the desk logged that it started within the time given (false also where it died). */
    public boolean awaitStarted(java.time.Duration patience) throws IOException, InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until && isAlive()) {
            if (Files.exists(log) && Files.readString(log).contains("Started CsirtMaildeskApplication")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The HTTP port the running desk listens on (it starts on a free one), once it has started. */
    public int httpPort() throws IOException {
        Matcher m = HTTP_PORT.matcher(Files.readString(log));
        int port = -1;
        while (m.find()) {
            port = Integer.parseInt(m.group(1));
        }
        if (port < 0) {
            throw new IllegalStateException("the desk " + name + " has not said on which port it listens (see " + log + ")");
        }
        return port;
    }

    /** GET on the desk's own HTTP port, e.g. /actuator/health: the body, as its operator would see it. */
    public String get(String path) throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort() + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /** SIGKILL: no shutdown hook, no commit, no IMAP logout. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it; waits for the orderly shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The peak heap the process reported on its orderly stop, or -1 where it did not. */
    public long reportedPeakHeap() throws IOException {
        Matcher m = PEAK.matcher(Files.readString(log));
        long peak = -1;
        while (m.find()) {
            peak = Long.parseLong(m.group(1));
        }
        return peak;
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            stop();
        }
    }

    static void createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(TestServers.postgres().getJdbcUrl("postgres", "postgres"))) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /**
     * The test classpath: the class loader's URLs where it has them (exec:java runs the
     * benchmark in Maven's JVM), else java.class.path (Surefire's fork).
     */
    private static String classpath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Paths.get(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("classpath entry is not a file: " + url, e);
                }
            }
            return entries.stream().collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }
}
