package id.go.trenggalekkab.csirt.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static id.go.trenggalekkab.csirt.support.PackagedDesk.freePort;
import static id.go.trenggalekkab.csirt.support.PackagedDesk.java;
import static id.go.trenggalekkab.csirt.support.PackagedDesk.listening;
import static id.go.trenggalekkab.csirt.support.PackagedDesk.mailToTheDesk;
import static id.go.trenggalekkab.csirt.support.PackagedDesk.sendPlain;
import static id.go.trenggalekkab.csirt.support.PackagedDesk.subjects;

import id.go.trenggalekkab.csirt.support.PackagedDesk;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml without Docker (no engine runs on these machines): its three services
 * started natively, from what the compose file itself says. PostgreSQL from Debian's
 * package with the image's POSTGRES_* set-up and the compose file's init script; GreenMail's
 * standalone jar from Maven Central with the compose file's GREENMAIL_OPTS; the packaged
 * desk with exactly the compose file's environment, the service names (postgres, mail)
 * pointing at 127.0.0.1 and the desk's port chosen free. A report must be acknowledged and
 * an officer's command answered. {@code .ci/run} installs Debian's postgresql where missing.
 */
class ComposeNativelyIT {

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @Test
    @SuppressWarnings("unchecked")
    void theComposeServicesStartedNativelyTakeAReportAndACommand() throws Exception {
        Path postgresBin = debianPostgres().orElse(null);
        Assumptions.assumeTrue(postgresBin != null, "Debian's postgresql package is not installed (.ci/run installs it)");
        Map<String, Object> services;
        try (Reader compose = Files.newBufferedReader(Path.of(System.getProperty("csirt.compose.file", "docker-compose.yml")))) {
            services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(compose).get("services");
        }
        Map<String, String> postgresEnv = environment(services, "postgres");
        Map<String, String> mailEnv = environment(services, "mail");
        Map<String, String> deskEnv = environment(services, "desk");
        int pgPort = freePort();
        try {
            startPostgres(postgresBin, pgPort, postgresEnv, serverOptions(services, "postgres"));
            try (Connection owner = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", "");
                 java.sql.ResultSet naptime = owner.createStatement().executeQuery("SHOW autovacuum_naptime")) {
                naptime.next();
                assertThat(naptime.getString(1)).as("the compose file's PostgreSQL settings, applied").isEqualTo("10s");
            }
            startGreenMail(mailEnv.get("GREENMAIL_OPTS"));
            Map<String, String> env = new LinkedHashMap<>();
            deskEnv.forEach((name, value) -> env.put(name, natively(value, pgPort)));
            // what an operator sets before `docker compose up` (the compose file passes it on): the API is not open
            String apiToken = "compose-operator-token";
            env.put("CSIRT_API_TOKEN", apiToken);
            try (PackagedDesk desk = PackagedDesk.start(work.resolve("desk"), env).awaitUp()) {
                Session session = Session.getInstance(new Properties());
                String reporter = "pelapor@desa.example";
                String officer = "petugas@trenggalekkab.go.id";
                sendPlain(session, 3025, mailToTheDesk(session, reporter, "Situs desa diretas", "Halaman depan berisi tulisan peretas."));
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> inbox(session, reporter).contains("Laporan diterima"));
                Matcher tag = Pattern.compile("\\[(TTIS-\\d{4}-\\d{5,})\\]").matcher(inbox(session, reporter));
                assertThat(tag.find()).isTrue();
                String ticket = tag.group(1);

                sendPlain(session, 3025, mailToTheDesk(session, officer, "Re: [" + ticket + "] #verifikasi", "Benar insiden."));
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> inbox(session, officer).contains("Perintah diterapkan"));
                assertThat(desk.get("/api/tickets/" + ticket)).as("no reads without sign-in or token").doesNotContain("CATEGORISATION");
                assertThat(desk.get("/api/tickets/" + ticket, apiToken)).contains("\"status\":\"CATEGORISATION\"");
            }
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                Process p = started.get(i);
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            asPostgres(postgresBin.resolve("pg_ctl").toString(), "-D", work.resolve("pgdata").toString(), "-m", "fast", "stop");
        }
    }

    /** The compose file's host names are its services; natively they are all this host. */
    private static String natively(String value, int pgPort) {
        return value.replace("//postgres:5432/", "//127.0.0.1:" + pgPort + "/").replace("imap://mail:", "imap://127.0.0.1:")
                .replaceAll("^mail$", "127.0.0.1")
                // the container listens on all of its own interfaces; on a shared host, on loopback
                .replace("0.0.0.0", "127.0.0.1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> services, String service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object declared = ((Map<String, Object>) services.get(service)).get("environment");
        ((Map<String, Object>) declared).forEach((name, value) -> env.put(name,
                // ${VAR:-default}: nothing set here, so the default
                String.valueOf(value).replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1").strip()));
        return env;
    }

    /** The service's command after the program's name: {@code postgres -c name=value ...} gives the server settings. */
    @SuppressWarnings("unchecked")
    private static String serverOptions(Map<String, Object> services, String service) {
        Object command = ((Map<String, Object>) services.get(service)).get("command");
        return command == null ? "" : String.join(" ", ((List<String>) command).subList(1, ((List<String>) command).size()));
    }

    private void startPostgres(Path bin, int port, Map<String, String> image, String serverOptions) throws Exception {
        Path data = work.resolve("pgdata");
        Files.createDirectories(data);
        if (root()) {
            run("chown", "-R", "postgres:postgres", work.toString());
        }
        asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", work.resolve("pg.log").toString(),
                "-o", "-p " + port + " -k " + work + " -c listen_addresses=127.0.0.1 " + serverOptions, "start");
        // what the postgres image does with POSTGRES_USER, _PASSWORD and _DB, then its init scripts
        String user = image.get("POSTGRES_USER");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE \"" + user + "\" SUPERUSER LOGIN PASSWORD '" + image.get("POSTGRES_PASSWORD") + "'");
            sql.execute("CREATE DATABASE \"" + image.get("POSTGRES_DB") + "\" OWNER \"" + user + "\"");
        }
        try (Connection owner = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + image.get("POSTGRES_DB"),
                user, image.get("POSTGRES_PASSWORD"));
             Statement sql = owner.createStatement()) {
            sql.execute(Files.readString(Path.of("config/compose-desk-role.sql"), StandardCharsets.UTF_8));
        }
    }

    private void startGreenMail(String opts) throws IOException {
        Path jar = Path.of(System.getProperty("csirt.greenmail.jar", "target/it/greenmail-standalone.jar"));
        List<String> command = new ArrayList<>(List.of(java()));
        Arrays.stream(opts.split("\\s+")).map(o -> o.replace("0.0.0.0", "127.0.0.1")).forEach(command::add);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        start(command, "greenmail.log");
        await().atMost(Duration.ofSeconds(60)).until(() -> listening(3025) && listening(3143));
    }

    private void start(List<String> command, String log) throws IOException {
        started.add(new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile()).start());
    }

    private void asPostgres(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (root()) {
            // Debian's PostgreSQL refuses to run as root, as it should
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("commands.log").toFile())).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + " (see " + work.resolve("commands.log") + ")").isZero();
    }

    private static Optional<Path> debianPostgres() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }


    /** This person's inbox on the compose file's GreenMail (login and password: the address). */
    private static String inbox(Session session, String address) {
        return subjects(session, "imap", 3143, address, address);
    }
}
