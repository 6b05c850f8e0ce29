package id.go.trenggalekkab.csirt.indicator;

/**
 * Indicators written so that no mail client, PDF reader or browser turns them into a
 * link: {@code hxxps://evil[.]example/x}, {@code 203.0.113[.]7}, {@code a[@]b[.]example}.
 * Hashes and CVE names are harmless as they are.
 */
public final class Defang {

    private Defang() {}

    public static String of(IndicatorType type, String value) {
        return switch (type) {
            case URL -> url(value);
            case DOMAIN, IPV4 -> value.replace(".", "[.]");
            case IPV6 -> value.replace(":", "[:]");
            case EMAIL -> value.replace("@", "[@]").replace(".", "[.]");
            case MD5, SHA1, SHA256, CVE -> value;
        };
    }

    private static String url(String value) {
        int scheme = value.indexOf("://");
        String rest = scheme < 0 ? value : value.substring(scheme + 3);
        String prefix = scheme < 0 ? "" : value.substring(0, scheme).replace("http", "hxxp").replace("ftp", "fxp") + "[://]";
        int hostEnd = firstOf(rest, "/?#");
        return prefix + rest.substring(0, hostEnd).replace(".", "[.]").replace(":", "[:]") + rest.substring(hostEnd);
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
