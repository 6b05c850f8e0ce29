package id.go.trenggalekkab.csirt.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.CsirtMaildeskApplication;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default as a newcomer meets it: nothing configured, so the desk starts its
 * own PostgreSQL (data in a folder) and GreenMail on 3025/3143, takes a report in, and
 * still has the ticket after a restart.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path workingDir;

    @Test
    void withNothingConfiguredTheDeskRunsOnItsOwnAndARestartKeepsEveryTicket() throws Exception {
        Assumptions.assumeTrue(free(3025) && free(3143),
                "ports 3025/3143 are taken (is the desk already running?): skipping the embedded-default test");

        String firstTicket;
        try (ConfigurableApplicationContext desk = start()) {
            send("pertama@example.org", "Laporan pertama");
            JdbcTemplate jdbc = desk.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> ticketFrom(jdbc, "pertama@example.org") != null);
            firstTicket = ticketFrom(jdbc, "pertama@example.org");
            theDatabaseAcceptsOnlyTheDesk(desk, jdbc);
        }
        assertThat(workingDir.resolve("postgres/PG_VERSION")).exists();

        try (ConfigurableApplicationContext desk = start()) {
            JdbcTemplate jdbc = desk.getBean(JdbcTemplate.class);
            assertThat(ticketFrom(jdbc, "pertama@example.org")).isEqualTo(firstTicket);
            send("kedua@example.org", "Laporan kedua");
            await().atMost(Duration.ofSeconds(60)).until(() -> ticketFrom(jdbc, "kedua@example.org") != null);
            int first = Integer.parseInt(firstTicket.substring(firstTicket.length() - 5));
            assertThat(ticketFrom(jdbc, "kedua@example.org")).endsWith(String.format("%05d", first + 1));
        }
    }

    /**
     * Another local user can reach the port, but not log in: no trust, passwords kept in
     * files only the desk's user may read; and the desk itself runs as a role that may not
     * rewrite the logbook.
     */
    private void theDatabaseAcceptsOnlyTheDesk(ConfigurableApplicationContext desk, JdbcTemplate jdbc) throws Exception {
        String url = desk.getEnvironment().getProperty("spring.datasource.url");
        for (String user : new String[] {"postgres", "csirt_desk"}) {
            Properties noPassword = new Properties();
            noPassword.setProperty("user", user);
            assertThatThrownBy(() -> DriverManager.getConnection(url, noPassword).close()).as(user)
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
        }
        Path secrets = workingDir.resolve("secrets");
        assertThat(Files.getPosixFilePermissions(secrets)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        try (var files = Files.list(secrets)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("csirt_desk");
        // durable, unlike the library's test defaults: a committed ticket survives a power cut
        assertThat(jdbc.queryForList("""
                SELECT name || '=' || setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')
                 ORDER BY name""", String.class)).containsExactly("fsync=on", "full_page_writes=on", "synchronous_commit=on");
        assertThatThrownBy(() -> jdbc.execute("UPDATE logbook SET detail = 'rewritten'"))
                .rootCause().hasMessageContaining("permission denied");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CsirtMaildeskApplication.class).run(
                "--csirt.embedded.data-dir=" + workingDir,
                "--server.port=0",
                "--csirt.imap.poll-delay=200",
                "--csirt.outbox.poll-interval=200");
    }

    private static String ticketFrom(JdbcTemplate jdbc, String reporter) {
        List<String> numbers = jdbc.queryForList(
                "SELECT number FROM ticket WHERE reporter_address = ?", String.class, reporter);
        return numbers.isEmpty() ? null : numbers.get(0);
    }

    private static void send(String from, String subject) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(MimeMessage.RecipientType.TO, "csirt@trenggalekkab.go.id");
        m.setSubject(subject);
        m.setText("Situs dinas menampilkan iklan judi online.");
        try (Transport t = session.getTransport("smtp")) {
            t.connect("127.0.0.1", 3025, null, null);
            t.sendMessage(m, new Address[] {new InternetAddress("csirt@trenggalekkab.go.id")});
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
