package id.go.trenggalekkab.csirt.indicator;

import java.util.Optional;

/**
 * One indicator as found in a report: its type, its value in canonical form (refanged,
 * host names in lower-case ASCII, IPv6 compressed, hashes lower-case, CVE upper-case) and
 * its mark. The value is never shown to people as is: {@link #defanged()}.
 */
public record Indicator(IndicatorType type, String value, Mark mark) {

    /** The value made unclickable, as CSIRTs write indicators in mail and reports. */
    public String defanged() {
        return Defang.of(type, value);
    }

    /** A line for mail and reports, in Indonesian: "45[.]13[.]227[.]9 (IPV4)", "192[.]168[.]1[.]1 (IPV4, jaringan privat)". */
    public String forPeople() {
        return defanged() + " (" + type.name() + (mark == Mark.NONE ? "" : ", " + markInIndonesian()) + ")";
    }

    /** Why it is marked, in Indonesian; empty where it is not. */
    public String markInIndonesian() {
        return switch (mark) {
            case NONE -> "";
            case PRIVATE -> "jaringan privat";
            case DOCUMENTATION -> "alamat contoh/dokumentasi";
            case OWN -> "milik instansi sendiri";
        };
    }

    /**
     * The host name it names: a domain itself, an e-mail address's domain, a URL's host
     * (an address literal in a URL included, without its brackets); empty for the rest.
     */
    public Optional<String> host() {
        return switch (type) {
            case DOMAIN -> Optional.of(value);
            case EMAIL -> Optional.of(value.substring(value.lastIndexOf('@') + 1));
            case URL -> Optional.of(urlHost(value));
            default -> Optional.empty();
        };
    }

    private static String urlHost(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? authority.substring(1) : authority.substring(1, close);
        }
        int port = authority.indexOf(':');
        return port < 0 ? authority : authority.substring(0, port);
    }
}
