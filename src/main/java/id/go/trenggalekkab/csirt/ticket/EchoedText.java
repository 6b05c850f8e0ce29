package id.go.trenggalekkab.csirt.ticket;

import java.util.regex.Pattern;

/**
 * Words that came from outside the desk (a reporter's subject), as the desk may echo them
 * in what it sends. A person who replies keeps what the desk wrote, so an echo must never
 * carry a command or a ticket tag: every {@code #} becomes a full-width {@code ＃} (shown
 * alike, never read as a command) and every {@code [TTIS-} a {@code (TTIS-}. And where a
 * reply still carries the reporter's own words (a forwarded original), they are taken out
 * before the desk looks for commands: only what the sender wrote can command.
 */
public final class EchoedText {

    private static final Pattern TAG = Pattern.compile("(?i)\\[(\\s*TTIS-)");

    private EchoedText() {}

    /** Safe to echo: no command word, no ticket tag. */
    public static String defang(String outside) {
        if (outside == null) {
            return null;
        }
        return TAG.matcher(outside.replace('#', '＃')).replaceAll("($1");
    }

    /**
     * A subject without the outside words it echoes, as the desk echoed them or as they
     * were written: what is left is the sender's own.
     */
    public static String withoutEcho(String subject, String outside) {
        if (subject == null || outside == null || outside.isBlank()) {
            return subject;
        }
        String own = subject;
        for (String echo : new String[] {outside.strip(), defang(outside.strip())}) {
            int at;
            while ((at = indexOfIgnoreCase(own, echo)) >= 0) {
                own = own.substring(0, at) + " " + own.substring(at + echo.length());
            }
        }
        return own;
    }

    private static int indexOfIgnoreCase(String text, String part) {
        return part.isEmpty() ? -1 : text.toLowerCase(java.util.Locale.ROOT).indexOf(part.toLowerCase(java.util.Locale.ROOT));
    }
}
