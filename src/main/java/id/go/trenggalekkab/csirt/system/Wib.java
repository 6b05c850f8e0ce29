package id.go.trenggalekkab.csirt.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Western Indonesia Time: every time a person sees is shown in it. */
public final class Wib {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private static final DateTimeFormatter HUMAN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'WIB'", Locale.forLanguageTag("id-ID"));

    private Wib() {}

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    public static int yearOf(Instant instant) {
        return instant.atZone(ZONE).getYear();
    }

    /** For example "5 Januari 2026, 07:30 WIB". */
    public static String human(Instant instant) {
        return HUMAN.format(instant.atZone(ZONE));
    }
}
