package id.go.trenggalekkab.csirt.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.go.trenggalekkab.csirt.mail.MimeLeniency;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The embedded default: with nothing configured, start a real PostgreSQL (zonky's
 * binaries, data under {@code ./data/postgres} so a restart keeps every ticket) and a
 * GreenMail server (SMTP 127.0.0.1:3025, IMAP 127.0.0.1:3143), and point the desk at
 * them. Each half starts only when its real counterpart is not configured:
 * {@code CSIRT_DB_URL} for the database, {@code CSIRT_IMAP_URL} / {@code CSIRT_SMTP_HOST}
 * for mail. {@code csirt.embedded.enabled=false} switches both off (the tests do).
 *
 * <p>It runs as an {@link EnvironmentPostProcessor} because the Camel endpoint URIs and
 * the DataSource are resolved from the environment before any bean exists.
 */
public class EmbeddedDefault implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "csirt-embedded-default";

    private final Log log;

    public EmbeddedDefault(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDefault.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        MimeLeniency.apply();
        if (!env.getProperty("csirt.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        Path dataDir = Path.of(env.getProperty("csirt.embedded.data-dir", "data"));
        Secrets secrets = new Secrets(dataDir);
        if (!configured(env, "CSIRT_DB_URL")) {
            EmbeddedPostgres postgres = startPostgres(dataDir, secrets);
            properties.put("spring.datasource.url", LockedDownPostgres.url(postgres));
            properties.put("spring.datasource.username", LockedDownPostgres.DESK_ROLE);
            properties.put("spring.datasource.password", secrets.get("desk-role.password"));
            properties.put("spring.flyway.user", LockedDownPostgres.OWNER);
            properties.put("spring.flyway.password", secrets.get("postgres-owner.password"));
            properties.put("csirt.embedded.database", "true");
            application.addListeners(stopAfterEveryOtherBean("embeddedPostgres", () -> closeQuietly(postgres)));
        }
        if (!configured(env, "CSIRT_IMAP_URL") && !configured(env, "CSIRT_SMTP_HOST")) {
            String desk = env.getProperty("csirt.desk-address", "csirt@trenggalekkab.go.id");
            GreenMail greenMail = startGreenMail(desk);
            properties.put("csirt.imap.url", "imap://127.0.0.1:3143");
            properties.put("csirt.imap.user", desk);
            properties.put("csirt.imap.password", desk);
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", "3025");
            properties.put("csirt.embedded.mail", "true");
            if (!configured(env, "CSIRT_REQUIRE_AUTHENTICATION")) {
                // GreenMail stamps no Authentication-Results: on the embedded default commands
                // could never be authenticated; the desk says so loudly at start
                properties.put("csirt.commands.require-authentication", "false");
            }
            application.addListeners(stopAfterEveryOtherBean("embeddedGreenMail", greenMail::stop));
        }
        if (!properties.isEmpty() && !configured(env, "CSIRT_API_TOKEN")) {
            // a change over HTTP (the digest on demand) needs a token: the embedded default
            // keeps one; with real servers the operator sets it, or no change is allowed
            properties.put("csirt.http.api-token", secrets.get("api-token"));
            properties.put("csirt.embedded.api-token-file", secrets.file("api-token").toString());
        }
        if (!properties.isEmpty() && !configured(env, "CSIRT_OPEN_API") && loopback(env.getProperty("server.address"))) {
            // a newcomer's desk on 127.0.0.1: the JSON API reads without sign-in, and says so at start
            properties.put("csirt.http.open-api", "true");
        }
        if (!properties.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        }
    }

    private static boolean loopback(String address) {
        return address == null || address.equals("127.0.0.1") || address.equals("localhost") || address.equals("::1");
    }

    private static boolean configured(ConfigurableEnvironment env, String variable) {
        return StringUtils.hasText(env.getProperty(variable));
    }

    private EmbeddedPostgres startPostgres(Path dataDir, Secrets secrets) {
        try {
            Path pgData = dataDir.resolve("postgres").toAbsolutePath();
            Files.createDirectories(pgData);
            log.info("Starting the embedded PostgreSQL, data in " + pgData + ", passwords in " + secrets.file(""));
            return LockedDownPostgres.start(pgData, secrets);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
        }
    }

    private GreenMail startGreenMail(String deskAddress) {
        log.info("Starting the embedded GreenMail: SMTP 127.0.0.1:3025, IMAP 127.0.0.1:3143");
        GreenMail greenMail = new LowLatencyGreenMail(
            new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(3143, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        // Every other mailbox is created on first delivery with login = password = address.
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser(deskAddress, deskAddress, deskAddress));
        greenMail.start();
        return greenMail;
    }

    /**
     * Registers the server as a disposable bean before any other bean exists: beans are
     * destroyed in reverse order, so the routes and the connection pool are gone before
     * their servers stop, and nothing talks to a stopped database on the way out.
     */
    private static ApplicationListener<ApplicationEvent> stopAfterEveryOtherBean(String name, Runnable stop) {
        return event -> {
            if (event instanceof ApplicationPreparedEvent prepared
                    && prepared.getApplicationContext().getBeanFactory() instanceof DefaultListableBeanFactory beans) {
                beans.registerDisposableBean(name, stop::run);
            }
        };
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the process is going away anyway; the data directory is already consistent
        }
    }
}
