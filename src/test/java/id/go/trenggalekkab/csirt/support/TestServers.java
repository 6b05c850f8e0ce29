package id.go.trenggalekkab.csirt.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.ServerSetup;
import id.go.trenggalekkab.csirt.embedded.LowLatencyGreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The real servers every integration test talks to, one of each per test JVM: an
 * embedded PostgreSQL (zonky, real binaries) and GreenMail (real SMTP and IMAP), on free
 * ports. The desk sends through a {@link TcpProxy} so that tests can take SMTP away.
 */
public final class TestServers {

    public static final String DESK = "csirt@trenggalekkab.go.id";

    /** The database role the desk runs as in the tests; the migrations create it, as the owner postgres. */
    public static final String DESK_ROLE = "csirt_desk";

    private static EmbeddedPostgres postgres;
    private static LowLatencyGreenMail greenMail;
    private static TcpProxy smtpProxy;

    private TestServers() {}

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("csirt-test-pg"))
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start (is this running as root?)", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // JVM exit
                }
            }));
        }
        return postgres;
    }

    public static synchronized LowLatencyGreenMail greenMail() {
        if (greenMail == null) {
            greenMail = new LowLatencyGreenMail(
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
            greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser(DESK, DESK, DESK));
            greenMail.start();
            try {
                smtpProxy = new TcpProxy(smtpPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return greenMail;
    }

    /** For programs (the benchmark) that must end: GreenMail's server threads keep a JVM alive. */
    public static synchronized void shutdown() throws IOException {
        if (greenMail != null) {
            greenMail.stop();
            smtpProxy.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A database's URL without a user in it: the user is whoever connects (the URL's would win). */
    public static String databaseUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres().getPort() + "/" + database;
    }

    /** SQL as the tables' owner (a superuser here): what the desk's own role may not do. */
    public static JdbcTemplate ownerJdbc() {
        return new JdbcTemplate(new SingleConnectionDataSource(postgres().getJdbcUrl("postgres", "postgres"), true));
    }

    public static TcpProxy smtpProxy() {
        greenMail();
        return smtpProxy;
    }

    public static int smtpPort() {
        return greenMail().server(ServerSetup.PROTOCOL_SMTP).getPort();
    }

    public static int imapPort() {
        return greenMail().server(ServerSetup.PROTOCOL_IMAP).getPort();
    }
}
