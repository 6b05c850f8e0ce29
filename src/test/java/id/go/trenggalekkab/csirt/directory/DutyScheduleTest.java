package id.go.trenggalekkab.csirt.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Duty shifts as the directory file writes them, read against moments in WIB. */
class DutyScheduleTest {

    // 2026-12-07 is a Monday
    private static boolean covers(DutySchedule duty, String wib) {
        return duty.covers(LocalDateTime.parse(wib).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
    }

    @Test
    void officeHoursOnWeekdays() {
        DutySchedule duty = DutySchedule.parse(List.of("senin-jumat 07:30-16:00"));
        assertThat(covers(duty, "2026-12-07T07:30")).isTrue();
        assertThat(covers(duty, "2026-12-11T15:59")).isTrue();
        assertThat(covers(duty, "2026-12-07T07:29")).isFalse();
        assertThat(covers(duty, "2026-12-07T16:00")).isFalse();
        assertThat(covers(duty, "2026-12-12T10:00")).as("Saturday").isFalse();
    }

    @Test
    void aNightShiftBelongsToTheDayItStartsOn() {
        DutySchedule friday = DutySchedule.parse(List.of("jumat 22:00-06:00"));
        assertThat(covers(friday, "2026-12-11T23:00")).as("Friday night").isTrue();
        assertThat(covers(friday, "2026-12-12T05:59")).as("Saturday morning, same shift").isTrue();
        assertThat(covers(friday, "2026-12-12T06:00")).isFalse();
        assertThat(covers(friday, "2026-12-11T05:00")).as("Friday morning is Thursday's shift").isFalse();
        assertThat(covers(friday, "2026-12-12T23:00")).as("Saturday night").isFalse();
    }

    @Test
    void listsRangesAcrossTheWeekendWholeDaysAndEnglish() {
        assertThat(covers(DutySchedule.parse(List.of("sabtu,minggu 08:00-12:00")), "2026-12-13T09:00")).isTrue();
        assertThat(covers(DutySchedule.parse(List.of("jumat-senin 00:00-24:00")), "2026-12-13T23:59")).isTrue();
        assertThat(covers(DutySchedule.parse(List.of("jumat-senin 00:00-24:00")), "2026-12-08T10:00")).isFalse();
        assertThat(covers(DutySchedule.parse(List.of("setiap-hari 00:00-24:00")), "2026-12-09T03:00")).isTrue();
        assertThat(covers(DutySchedule.parse(List.of("mon-fri 8.00-12.00")), "2026-12-08T08:00")).isTrue();
    }

    @Test
    void aScheduleThatCannotBeReadSaysWhyAndWhere() {
        assertThatThrownBy(() -> DutySchedule.parse(List.of("senin 25:00-26:00"))).hasMessageContaining("'25:00'");
        assertThatThrownBy(() -> DutySchedule.parse(List.of("libur 08:00-12:00"))).hasMessageContaining("unknown day 'libur'");
        assertThatThrownBy(() -> DutySchedule.parse(List.of("senin pagi"))).hasMessageContaining("senin-jumat 07:30-16:00");
        assertThatThrownBy(() -> DutySchedule.parse(List.of("senin 08:00-08:00"))).hasMessageContaining("00:00-24:00");
    }

    @Test
    void noScheduleCoversNothing() {
        assertThat(DutySchedule.NONE.covers(java.time.Instant.now())).isFalse();
    }
}
