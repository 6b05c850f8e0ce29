package id.go.trenggalekkab.csirt.sla;

import id.go.trenggalekkab.csirt.system.Wib;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Counts SLA time. In {@link SlaClock#CALENDAR} time a deadline is start + standard; in
 * {@link SlaClock#WORKING_HOURS} only the working window of working days counts (in WIB),
 * and holidays are skipped, so "1 day" of a Friday-afternoon report runs into Monday.
 */
public final class SlaCalendar {

    private final Set<DayOfWeek> workingDays;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;

    public SlaCalendar(Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes, Set<LocalDate> holidays) {
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("working hours must close after they open: " + opens + "-" + closes);
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is needed");
        }
        this.workingDays = Set.copyOf(workingDays);
        this.opens = opens;
        this.closes = closes;
        this.holidays = Set.copyOf(holidays);
    }

    public Instant deadline(Instant start, Duration standard, SlaClock clock) {
        if (clock == SlaClock.CALENDAR) {
            return start.plus(standard);
        }
        Duration left = standard;
        ZonedDateTime t = start.atZone(Wib.ZONE);
        while (true) {
            if (!isWorkingDay(t.toLocalDate()) || !t.toLocalTime().isBefore(closes)) {
                t = nextOpening(t);
                continue;
            }
            if (t.toLocalTime().isBefore(opens)) {
                t = t.with(opens);
            }
            Duration available = Duration.between(t.toLocalTime(), closes);
            if (left.compareTo(available) <= 0) {
                return t.plus(left).toInstant();
            }
            left = left.minus(available);
            t = nextOpening(t);
        }
    }

    /** The SLA time that passed between two instants: all of it, or only working time. */
    public Duration elapsed(Instant from, Instant to, SlaClock clock) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (clock == SlaClock.CALENDAR) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        ZonedDateTime day = from.atZone(Wib.ZONE).toLocalDate().atStartOfDay(Wib.ZONE);
        ZonedDateTime end = to.atZone(Wib.ZONE);
        while (!day.isAfter(end)) {
            if (isWorkingDay(day.toLocalDate())) {
                Instant windowStart = max(day.with(opens).toInstant(), from);
                Instant windowEnd = min(day.with(closes).toInstant(), to);
                if (windowEnd.isAfter(windowStart)) {
                    total = total.plus(Duration.between(windowStart, windowEnd));
                }
            }
            day = day.plusDays(1);
        }
        return total;
    }

    private boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    private ZonedDateTime nextOpening(ZonedDateTime t) {
        ZonedDateTime next = t.toLocalDate().plusDays(1).atTime(opens).atZone(Wib.ZONE);
        while (!isWorkingDay(next.toLocalDate())) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
