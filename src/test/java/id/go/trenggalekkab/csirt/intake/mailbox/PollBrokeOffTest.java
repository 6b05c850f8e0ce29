package id.go.trenggalekkab.csirt.intake.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.go.trenggalekkab.csirt.support.MovableClock;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A mailbox that fails every poll (an outage, a certificate the desk does not trust) is
 * told once, then once per interval with how often it came: measured in the field, one
 * line per poll was thousands of lines in minutes.
 */
class PollBrokeOffTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(PollBrokeOff.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void theSameFailureIsLoggedOncePerIntervalWithHowOftenItCame() {
        MovableClock clock = new MovableClock();
        PollBrokeOff handler = new PollBrokeOff(clock);
        Exception pkix = new MessagingException("connect failed",
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed"));
        for (int poll = 0; poll < 600; poll++) {
            handler.handleException(pkix);
            clock.advance(Duration.ofMillis(400));
        }
        assertThat(warnings()).hasSize(1).first().asString().contains("PKIX path building failed");

        clock.advance(PollBrokeOff.REPEAT_EVERY);
        handler.handleException(pkix);
        assertThat(warnings()).hasSize(2).last().asString().contains("599 more time(s) since");

        handler.handleException(new MessagingException("connect failed", new java.net.ConnectException("Connection refused")));
        assertThat(warnings()).as("another failure is news at once").hasSize(3).last().asString()
                .contains("Connection refused");
    }

    private List<String> warnings() {
        return lines.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
