package id.go.trenggalekkab.csirt.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestMail;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The lines the desk logs about a message carry its SHA-256 and its ticket, for structured logs. */
class MessageLogContextTest extends DeskIntegrationTest {

    @Test
    void theOutcomeOfAMessageIsLoggedWithItsTicketAndHash() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try {
            String ticket = newCase(TestMail.uniqueAddress("log"), "Laporan untuk log");
            String sha256 = ticket(ticket).path("messages").get(0).path("sha256").asText();
            await().atMost(PATIENCE).until(() -> lines.list.stream().anyMatch(e -> matches(e.getMDCPropertyMap(), ticket, sha256)
                    && e.getFormattedMessage().contains(ticket)));
        } finally {
            root.detachAppender(lines);
        }
    }

    private static boolean matches(Map<String, String> mdc, String ticket, String sha256) {
        return ticket.equals(mdc.get(MessageLogContext.TICKET)) && sha256.equals(mdc.get(MessageLogContext.SHA256));
    }
}
