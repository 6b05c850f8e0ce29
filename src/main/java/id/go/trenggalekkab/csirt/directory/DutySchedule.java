package id.go.trenggalekkab.csirt.directory;

import id.go.trenggalekkab.csirt.system.Wib;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an officer is on duty (piket), in WIB, as the directory file writes it: one shift per
 * line, days then hours, e.g. {@code senin-jumat 07:30-16:00}, {@code sabtu,minggu 08:00-12:00},
 * {@code setiap-hari 22:00-06:00}. A shift whose end is not after its start runs past
 * midnight and belongs to the day it starts on (Friday's night shift goes on into Saturday
 * morning). An empty schedule means: on no schedule at all.
 */
public record DutySchedule(List<Shift> shifts) {

    public static final DutySchedule NONE = new DutySchedule(List.of());

    private static final Pattern SHIFT = Pattern.compile("(\\S+)\\s+(\\d{1,2}[:.]\\d{2})\\s*-\\s*(\\d{1,2}[:.]\\d{2})");
    private static final List<DayOfWeek> WEEK = List.of(DayOfWeek.values());
    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("senin", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("selasa", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("rabu", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("kamis", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("jumat", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("sabtu", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("minggu", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY));

    public DutySchedule {
        shifts = List.copyOf(shifts);
    }

    /**
     * One shift: on these days, from {@code start} to {@code end} (WIB); where {@code end} is
     * not after {@code start}, the shift ends on the next day.
     */
    public record Shift(Set<DayOfWeek> days, LocalTime start, LocalTime end, String written) {

        public Shift {
            days = Set.copyOf(days);
        }

        boolean covers(ZonedDateTime wib) {
            LocalTime time = wib.toLocalTime();
            if (end.isAfter(start)) {
                return days.contains(wib.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
            }
            // past midnight: the evening part on the start day, the morning part on the day after it
            return days.contains(wib.getDayOfWeek()) && !time.isBefore(start)
                    || days.contains(wib.getDayOfWeek().minus(1)) && time.isBefore(end);
        }
    }

    /** Reads the directory file's lines; an unreadable line names itself in the exception. */
    public static DutySchedule parse(List<String> lines) {
        List<Shift> shifts = new ArrayList<>();
        for (String line : lines) {
            shifts.add(shift(line));
        }
        return new DutySchedule(shifts);
    }

    public boolean covers(Instant at) {
        ZonedDateTime wib = at.atZone(Wib.ZONE);
        return shifts.stream().anyMatch(s -> s.covers(wib));
    }

    /** The lines as written in the directory file: what the table stores. */
    public List<String> lines() {
        return shifts.stream().map(Shift::written).toList();
    }

    private static Shift shift(String line) {
        String written = line == null ? "" : line.trim().replaceAll("\\s+", " ");
        Matcher m = SHIFT.matcher(written.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("duty '" + line + "' is not 'days HH:MM-HH:MM', e.g. 'senin-jumat 07:30-16:00'");
        }
        LocalTime start = time(m.group(2), line);
        LocalTime end = time(m.group(3), line);
        if (start.equals(end) && !m.group(3).replace('.', ':').equals("24:00")) {
            throw new IllegalArgumentException("duty '" + line + "' starts and ends at the same time; write 00:00-24:00 for a whole day");
        }
        return new Shift(days(m.group(1), line), start, end, written);
    }

    private static Set<DayOfWeek> days(String spec, String line) {
        if (spec.equals("setiap-hari") || spec.equals("daily") || spec.equals("every-day")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : spec.split(",")) {
            String[] range = part.split("-", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException("duty '" + line + "': '" + part + "' is not a day or a range of days");
            }
            DayOfWeek first = day(range[0], line);
            DayOfWeek last = range.length == 2 ? day(range[1], line) : first;
            // a range wraps the week: jumat-senin is Friday to Monday
            for (int i = WEEK.indexOf(first); ; i = (i + 1) % 7) {
                days.add(WEEK.get(i));
                if (WEEK.get(i) == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name, String line) {
        DayOfWeek day = DAYS.get(name.trim());
        if (day == null) {
            throw new IllegalArgumentException("duty '" + line + "': unknown day '" + name
                    + "' (senin, selasa, rabu, kamis, jumat, sabtu, minggu, or setiap-hari)");
        }
        return day;
    }

    private static LocalTime time(String written, String line) {
        String hhmm = written.replace('.', ':');
        if (hhmm.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("duty '" + line + "': '" + written + "' is not a time of day (HH:MM)");
        }
    }
}
