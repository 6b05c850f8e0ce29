package id.go.trenggalekkab.csirt.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * One setting for mail servers with a private certificate: {@code CSIRT_MAIL_TRUST_CERTIFICATE}
 * names a PEM file of the certificates (or the CA) to trust, and both the IMAP intake and
 * the SMTP outbox verify their server against those instead of the JVM's public CAs. It
 * becomes a Spring Boot SSL bundle, {@value #BUNDLE}; an operator who defines bundles
 * themselves names theirs in {@code CSIRT_IMAP_SSL_BUNDLE} and {@code SPRING_MAIL_SSL_BUNDLE}.
 * A file that is not there stops the start: trusting nothing would fail every poll.
 */
public class MailServerTrust implements EnvironmentPostProcessor {

    static final String BUNDLE = "csirt-mail-servers";
    static final String CERTIFICATE = "csirt.mail.trust-certificate";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String certificate = environment.getProperty(CERTIFICATE);
        if (!StringUtils.hasText(certificate)) {
            return;
        }
        Path file = Path.of(certificate.strip());
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("CSIRT_MAIL_TRUST_CERTIFICATE names " + file.toAbsolutePath()
                    + ", which cannot be read: the desk would trust no mail server");
        }
        Map<String, Object> trust = new LinkedHashMap<>();
        trust.put("spring.ssl.bundle.pem." + BUNDLE + ".truststore.certificate", "file:" + file.toAbsolutePath());
        if (!StringUtils.hasText(environment.getProperty("CSIRT_IMAP_SSL_BUNDLE"))) {
            trust.put("csirt.imap.ssl-bundle", BUNDLE);
        }
        if (!StringUtils.hasText(environment.getProperty("spring.mail.ssl.bundle"))) {
            trust.put("spring.mail.ssl.bundle", BUNDLE);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("csirt-mail-server-trust", trust));
    }
}
