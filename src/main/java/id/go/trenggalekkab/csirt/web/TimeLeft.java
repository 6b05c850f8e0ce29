package id.go.trenggalekkab.csirt.web;

import java.time.Duration;
import java.time.Instant;

/** A step's deadline as people read it on a screen: words and a colour (class), never colour alone. */
record TimeLeft(String text, String cssClass) {

    static TimeLeft of(Instant deadline, Instant now) {
        if (deadline == null) {
            return new TimeLeft("-", "");
        }
        Duration left = Duration.between(now, deadline);
        if (left.isNegative()) {
            return new TimeLeft("terlambat " + words(left.negated()), "overdue");
        }
        return new TimeLeft("sisa " + words(left), left.compareTo(Duration.ofHours(1)) < 0 ? "due-soon" : "on-time");
    }

    private static String words(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " hari " + hours + " jam";
        }
        return hours > 0 ? hours + " jam " + minutes + " menit" : Math.max(minutes, 0) + " menit";
    }
}
