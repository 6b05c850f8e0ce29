package id.go.trenggalekkab.csirt.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.sop.MessageKind;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A logbook event is read by its name: one that is also the name of a mail's stage
 * ({@code UPWARD_REPORT} + {@code SENT}) would count the desk's mail as that event. It
 * happened once (UPWARD_REPORT_SENT), and a test counting the event found three.
 */
class LogbookEventNamesTest {

    @Test
    void noEventIsNamedLikeTheStageOfAMail() {
        Set<String> mailStages = Arrays.stream(MessageKind.values())
                .flatMap(kind -> Arrays.stream(MailStage.values()).map(stage -> kind.name() + "_" + stage.name()))
                .collect(Collectors.toSet());
        assertThat(Arrays.stream(LogbookEvent.values()).map(Enum::name)).doesNotContainAnyElementsOf(mailStages);
    }
}
