package id.go.trenggalekkab.csirt.support;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** System time plus an offset a test can move forward, for SLA deadlines; reset it after use. */
public final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /**
     * Forward to the next time this day and hour comes round in WIB, at least a day ahead of
     * wherever the clock stands: for tests of what depends on the hour (duty, office hours).
     */
    public Instant advanceTo(DayOfWeek day, LocalTime time) {
        ZonedDateTime now = instant().atZone(ZoneId.of("Asia/Jakarta"));
        ZonedDateTime next = now.plusDays(1).with(TemporalAdjusters.nextOrSame(day))
                .with(time);
        advance(Duration.between(now, next));
        return next.toInstant();
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
