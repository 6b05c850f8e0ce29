package id.go.trenggalekkab.csirt.mail;

import java.util.regex.Pattern;

/**
 * Attachment names made safe to store, show and later save: no directories (so no
 * {@code ../../etc/passwd}), no control or bidirectional-override characters (so no
 * {@code invoice\u202Efdp.exe}), at most 255 characters. The name as sent stays in the raw message.
 */
public final class Filenames {

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\u2028\\u2029]");

    private Filenames() {}

    public static String safe(String name) {
        if (name == null) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = INVISIBLE.matcher(base).replaceAll("").strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.isBlank()) {
            return null;
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }
}
