package id.go.trenggalekkab.csirt.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's number, {@code TTIS-YYYY-NNNNN}: the year of receipt in WIB and a sequence
 * within that year. In subjects it stands as a tag, {@code [TTIS-2026-00042]}: the one
 * place that format is written.
 */
public record TicketNumber(int year, int sequence) {

    private static final Pattern NUMBER = Pattern.compile("TTIS-(\\d{4})-(\\d{5,9})");
    private static final Pattern TAG = Pattern.compile("\\[\\s*TTIS-(\\d{4})-(\\d{5,9})\\s*]", Pattern.CASE_INSENSITIVE);

    public static TicketNumber parse(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a ticket number: " + text);
        }
        return new TicketNumber(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Optional<TicketNumber> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every ticket tag in a subject, in order of appearance. */
    public static List<TicketNumber> tagsIn(String subject) {
        List<TicketNumber> found = new ArrayList<>();
        if (subject == null) {
            return found;
        }
        Matcher m = TAG.matcher(subject);
        while (m.find()) {
            found.add(new TicketNumber(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return found;
    }

    /** "[TTIS-2026-00042]", as it stands in subjects. */
    public String tag() {
        return "[" + this + "]";
    }

    @Override
    public String toString() {
        // not String.format: it builds locale symbols on every call, and a flood of reports calls this often
        return "TTIS-" + padded(year, 4) + "-" + padded(sequence, 5);
    }

    private static String padded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
