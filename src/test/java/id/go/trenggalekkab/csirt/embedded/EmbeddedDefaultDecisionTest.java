package id.go.trenggalekkab.csirt.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/** With real servers configured by environment variables, nothing embedded starts. */
class EmbeddedDefaultDecisionTest {

    private final EmbeddedDefault embeddedDefault = new EmbeddedDefault(new DeferredLogs());

    @Test
    void realDatabaseAndMailServersMeanNothingEmbedded(@TempDir Path dataDir) {
        MockEnvironment env = new MockEnvironment()
                .withProperty("csirt.embedded.data-dir", dataDir.toString())
                .withProperty("CSIRT_DB_URL", "jdbc:postgresql://db.example:5432/csirt")
                .withProperty("CSIRT_IMAP_URL", "imaps://mail.example:993")
                .withProperty("CSIRT_SMTP_HOST", "mail.example");
        embeddedDefault.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getPropertySources().contains(EmbeddedDefault.PROPERTY_SOURCE)).isFalse();
        assertThat(env.getProperty("csirt.embedded.database")).isNull();
        assertThat(env.getProperty("csirt.embedded.mail")).isNull();
        // not even a secret: with real servers the operator sets the API token
        assertThat(env.getProperty("csirt.http.api-token")).isNull();
        assertThat(dataDir.resolve("secrets")).doesNotExist();
    }

    @Test
    void switchedOffMeansNothingEmbeddedEvenWithNothingConfigured() {
        MockEnvironment env = new MockEnvironment().withProperty("csirt.embedded.enabled", "false");
        embeddedDefault.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getPropertySources().contains(EmbeddedDefault.PROPERTY_SOURCE)).isFalse();
    }
}
