package id.go.trenggalekkab.csirt.mail;

import java.util.regex.Pattern;

/**
 * Values copied from inbound mail into outbound headers pass through here: one line, no
 * control characters, and Message-IDs only in their strict form, so no reporter can
 * smuggle a header of their own into the desk's mail (CR/LF injection).
 */
public final class HeaderValues {

    private static final Pattern SAFE_MESSAGE_ID = Pattern.compile("<[\\x21-\\x3B\\x3D\\x3F-\\x7E]{1,900}>");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u0085]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private HeaderValues() {}

    public static String oneLine(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        String line = SPACES.matcher(CONTROLS.matcher(value).replaceAll(" ")).replaceAll(" ").strip();
        return line.length() > maxLength ? line.substring(0, maxLength) + "…" : line;
    }

    public static boolean isSafeMessageId(String id) {
        return id != null && SAFE_MESSAGE_ID.matcher(id).matches();
    }
}
