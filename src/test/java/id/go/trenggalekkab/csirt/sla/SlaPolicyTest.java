package id.go.trenggalekkab.csirt.sla;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.system.Wib;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every step's deadline from the SOP's time standards, in calendar time and in working hours. */
class SlaPolicyTest {

    private static final Instant FRIDAY_1500 = LocalDateTime.of(2026, 12, 4, 15, 0).atZone(Wib.ZONE).toInstant();

    private static SlaPolicy policy(SlaClock clock) {
        return new SlaPolicy(new SlaProperties(clock, Map.of(), Map.of(), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                "07:30-16:00", "config/holidays.yml", 2, 3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // step, standard, calendar deadline, working-hours deadline: from Friday 15:00 WIB, 8.5-hour days
        // (1 h on Friday, then Monday, Tuesday, ...; 24 working hours end Wednesday 13:30)
        "VERIFICATION,         PT20M,    2026-12-04T15:20,   2026-12-04T15:20",
        "CATEGORISATION,       PT10M,    2026-12-04T15:10,   2026-12-04T15:10",
        "ANALYSIS,             PT24H,    2026-12-05T15:00,   2026-12-09T13:30",
        "APH_HANDLING,         PT48H,    2026-12-06T15:00,   2026-12-14T12:00",
        "APH_REPORT,           PT24H,    2026-12-05T15:00,   2026-12-09T13:30",
        "REPAIR,               PT24H,    2026-12-05T15:00,   2026-12-09T13:30",
        "RESOLUTION_ANALYSIS,  PT24H,    2026-12-05T15:00,   2026-12-09T13:30",
        "LOGBOOK_UPDATE,       PT10M,    2026-12-04T15:10,   2026-12-04T15:10",
        "CLOSING,              PT24H,    2026-12-05T15:00,   2026-12-09T13:30"
    })
    void deadlinesFollowTheSopsStandards(CaseStep step, Duration standard, LocalDateTime calendar, LocalDateTime working) {
        assertThat(policy(SlaClock.CALENDAR).timeStandard(step)).isEqualTo(standard);
        assertThat(policy(SlaClock.CALENDAR).deadline(step, FRIDAY_1500)).isEqualTo(calendar.atZone(Wib.ZONE).toInstant());
        assertThat(policy(SlaClock.WORKING_HOURS).deadline(step, FRIDAY_1500)).isEqualTo(working.atZone(Wib.ZONE).toInstant());
    }

    @ParameterizedTest
    @CsvSource({"AUTOMATIC", "CLOSED", "NOT_AN_INCIDENT", "DISMISSED"})
    void endsAndWaitingRoomsHaveNoClock(CaseStep step) {
        assertThat(policy(SlaClock.CALENDAR).deadline(step, FRIDAY_1500)).isNull();
    }
}
