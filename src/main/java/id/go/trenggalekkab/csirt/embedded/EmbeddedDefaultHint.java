package id.go.trenggalekkab.csirt.embedded;

import id.go.trenggalekkab.csirt.system.CsirtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** On the embedded default, says once how a newcomer sends the desk a test report. */
@Component
class EmbeddedDefaultHint {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDefaultHint.class);

    private final Environment env;
    private final CsirtProperties properties;

    EmbeddedDefaultHint(Environment env, CsirtProperties properties) {
        this.env = env;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayHowToSendATestReport() {
        if (env.getProperty("csirt.embedded.mail", Boolean.class, false)) {
            log.info("Embedded default ready. Send a test report with: curl smtp://127.0.0.1:3025"
                    + " --mail-from pelapor@example.org --mail-rcpt {} --upload-file samples/laporan-contoh.eml"
                    + " ; then read the acknowledgement over IMAP at 127.0.0.1:3143 (login and password:"
                    + " pelapor@example.org) and the ticket at http://127.0.0.1:{}/api/tickets",
                    properties.deskAddress(), env.getProperty("local.server.port", "8080"));
        }
        String tokenFile = env.getProperty("csirt.embedded.api-token-file");
        if (tokenFile != null) {
            log.info("Changes over HTTP (POST /api/digest/send) need: -H \"Authorization: Bearer $(cat {})\"", tokenFile);
        }
    }
}
