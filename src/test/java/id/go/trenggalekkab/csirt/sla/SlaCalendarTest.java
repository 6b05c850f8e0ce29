package id.go.trenggalekkab.csirt.sla;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.system.Wib;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaCalendarTest {

    // 2026-12-25 (Friday) is Christmas, a national holiday in Indonesia
    private final SlaCalendar calendar = new SlaCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(7, 30), LocalTime.of(16, 0), Set.of(LocalDate.of(2026, 12, 25)));

    private static Instant wib(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(Wib.ZONE).toInstant();
    }

    @Test
    void calendarTimeCountsEveryMinute() {
        assertThat(calendar.deadline(wib(12, 4, 23, 50), Duration.ofMinutes(20), SlaClock.CALENDAR))
                .isEqualTo(wib(12, 5, 0, 10));
        assertThat(calendar.deadline(wib(12, 4, 15, 0), Duration.ofDays(2), SlaClock.CALENDAR))
                .isEqualTo(wib(12, 6, 15, 0));
    }

    @Test
    void workingHoursSkipNightsWeekendsAndHolidays() {
        // within a working day
        assertThat(calendar.deadline(wib(12, 1, 9, 0), Duration.ofMinutes(20), SlaClock.WORKING_HOURS))
                .isEqualTo(wib(12, 1, 9, 20));
        // reported at night: the clock starts at 07:30
        assertThat(calendar.deadline(wib(12, 1, 22, 0), Duration.ofMinutes(20), SlaClock.WORKING_HOURS))
                .isEqualTo(wib(12, 2, 7, 50));
        // Friday 15:50 + 20 min working time: 10 min on Friday, 10 on Monday
        assertThat(calendar.deadline(wib(12, 4, 15, 50), Duration.ofMinutes(20), SlaClock.WORKING_HOURS))
                .isEqualTo(wib(12, 7, 7, 40));
        // Thursday 15:00 + 2 working hours across a holiday and a weekend
        assertThat(calendar.deadline(wib(12, 24, 15, 0), Duration.ofHours(2), SlaClock.WORKING_HOURS))
                .as("Thursday 24 Dec: 1 h left, Friday 25 Dec is Christmas, weekend, Monday 07:30 + 1 h")
                .isEqualTo(wib(12, 28, 8, 30));
    }

    @Test
    void elapsedWorkingTimeLeavesOutTheSameHours() {
        Instant start = wib(12, 4, 15, 50);
        Instant end = calendar.deadline(start, Duration.ofMinutes(20), SlaClock.WORKING_HOURS);
        assertThat(calendar.elapsed(start, end, SlaClock.WORKING_HOURS)).isEqualTo(Duration.ofMinutes(20));
        assertThat(calendar.elapsed(start, end, SlaClock.CALENDAR)).isEqualTo(Duration.ofHours(63).plusMinutes(50));
        assertThat(calendar.elapsed(wib(12, 24, 15, 0), wib(12, 28, 8, 30), SlaClock.WORKING_HOURS))
                .isEqualTo(Duration.ofHours(2));
    }
}
