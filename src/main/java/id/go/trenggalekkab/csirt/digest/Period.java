package id.go.trenggalekkab.csirt.digest;

import id.go.trenggalekkab.csirt.system.Wib;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Whole WIB days, {@code from} inclusive, {@code to} exclusive: what a digest covers. */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period ends after it starts: " + from + " to " + to);
        }
    }

    /** Last week in WIB days: [last Monday, this Monday), as of now. */
    public static Period weekBefore(Instant now) {
        LocalDate thisMonday = now.atZone(Wib.ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(thisMonday.minusWeeks(1), thisMonday);
    }

    public Instant start() {
        return from.atStartOfDay(Wib.ZONE).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(Wib.ZONE).toInstant();
    }
}
