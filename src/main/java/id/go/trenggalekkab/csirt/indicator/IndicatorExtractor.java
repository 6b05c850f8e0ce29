package id.go.trenggalekkab.csirt.indicator;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Indicators of compromise in a report's text: IPv4 and IPv6 addresses, domains, URLs,
 * email addresses, MD5/SHA-1/SHA-256 hashes and CVE names, after undoing the usual
 * defanging ({@code hxxp}, {@code [.]}, {@code (dot)}, {@code [@]}, {@code (at)}).
 *
 * <p>Reporters' and attackers' text is hostile input: the text is read in a few linear
 * passes (refang, URLs, then tokens classified by hand-written checks), with no regular
 * expression that could backtrack, so a megabyte of crafted text costs what a megabyte of
 * prose costs. Domains must end in a public suffix (Guava's copy of the Public Suffix List)
 * so that file names and abbreviations are not taken for host names; the names reserved
 * for documentation and tests ({@code .example}, {@code example.com}, {@code .test}...) are
 * kept, marked.
 */
public final class IndicatorExtractor {

    /** Longest token or URL looked at; anything longer is not an indicator anyone types. */
    private static final int MAX_TOKEN = 2048;
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}");
    /** File extensions that are also top-level domains: "laporan.zip" is a file, not a host. */
    private static final Set<String> FILE_LIKE_TLDS = Set.of("zip", "mov", "md", "py", "sh", "pl", "rs", "ps", "cc", "so", "sc");
    private static final Set<String> DOCUMENTATION_DOMAINS = Set.of("example.com", "example.net", "example.org");
    private static final Set<String> RESERVED_TLDS = Set.of("example", "test", "invalid", "localhost", "local", "internal");

    private final Set<String> ownDomains;
    private final List<Network> ownNetworks;

    /** {@code ownDomains}: the desk's own domains; they and their subdomains are marked {@link Mark#OWN}. */
    public IndicatorExtractor(Collection<String> ownDomains) {
        this(ownDomains, List.of());
    }

    /** And the agency's own address ranges (CIDR), whose addresses are marked {@link Mark#OWN} too. */
    public IndicatorExtractor(Collection<String> ownDomains, Collection<String> ownNetworks) {
        this.ownDomains = ownDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.ownNetworks = ownNetworks.stream().filter(n -> !n.isBlank()).map(Network::parse).toList();
    }

    /**
     * Every indicator in the text, once each, in order of first appearance; the addresses
     * in {@code notIndicators} (the reporter's own) are left out.
     */
    public List<Indicator> extract(String text, Set<String> notIndicators) {
        Map<String, Indicator> found = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> excluded = notIndicators.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        StringBuilder rest = new StringBuilder(Refang.text(text));
        urls(rest, found);
        tokens(rest, found, excluded);
        return List.copyOf(found.values());
    }

    /** URLs first, each blanked out of the text so that its host is not found again as a domain. */
    private void urls(StringBuilder text, Map<String, Indicator> found) {
        int i = 0;
        while (i < text.length()) {
            int start = schemeAt(text, i);
            if (start < 0) {
                i++;
                continue;
            }
            int end = start;
            while (end < text.length() && !endsUrl(text.charAt(end))) {
                end++;
            }
            String candidate = trimUrl(text.substring(start, end));
            if (candidate.length() <= MAX_TOKEN) {
                url(candidate).ifPresent(u -> found.putIfAbsent(key(u), u));
            }
            for (int k = start; k < end; k++) {
                text.setCharAt(k, ' ');
            }
            i = end;
        }
    }

    private static final List<String> SCHEMES = List.of("https://", "http://", "ftp://");

    private static int schemeAt(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c != 'h' && c != 'H' && c != 'f' && c != 'F') {
            return -1;
        }
        for (String scheme : SCHEMES) {
            if (regionMatches(text, i, scheme) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatches(CharSequence text, int at, String lowerCase) {
        if (at + lowerCase.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lowerCase.length(); k++) {
            if (Character.toLowerCase(text.charAt(at + k)) != lowerCase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsUrl(char c) {
        // a no-break space ends it as any space does
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20 || "<>\"'`{}|\\^".indexOf(c) >= 0;
    }

    /** Sentence punctuation after a URL is not part of it; a closing bracket only when it closes one inside. */
    private static String trimUrl(String url) {
        int parens = 0;
        int brackets = 0;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            parens += c == '(' ? 1 : c == ')' ? -1 : 0;
            brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
        }
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (".,;:!?*".indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && parens < 0) {
                parens++;
                end--;
            } else if (c == ']' && brackets < 0) {
                brackets++;
                end--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    private java.util.Optional<Indicator> url(String url) {
        int schemeEnd = url.indexOf("://");
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String afterScheme = url.substring(schemeEnd + 3);
        int hostEnd = 0;
        while (hostEnd < afterScheme.length() && "/?#".indexOf(afterScheme.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String authority = afterScheme.substring(0, hostEnd);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        String port = "";
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return java.util.Optional.empty();
            }
            port = host.substring(close + 1);
            host = host.substring(1, close);
        } else if (host.indexOf(':') >= 0) {
            port = host.substring(host.indexOf(':'));
            host = host.substring(0, host.indexOf(':'));
        }
        if (!port.isEmpty() && !PORT.matcher(port).matches()) {
            return java.util.Optional.empty();
        }
        java.util.Optional<Indicator> hostIndicator = host(host, true);
        if (hostIndicator.isEmpty()) {
            return java.util.Optional.empty();
        }
        Indicator h = hostIndicator.get();
        String canonicalHost = h.type() == IndicatorType.IPV6 ? "[" + h.value() + "]" : h.value();
        return java.util.Optional.of(new Indicator(IndicatorType.URL,
                scheme + "://" + canonicalHost + port + afterScheme.substring(hostEnd), h.mark()));
    }

    /** A host name or address: domain (any public suffix or a reserved name), IPv4 or IPv6. */
    private java.util.Optional<Indicator> host(String host, boolean inUrl) {
        java.util.Optional<Indicator> ip = ipv4(host);
        if (ip.isPresent()) {
            return ip;
        }
        if (host.indexOf(':') >= 0) {
            return ipv6(host);
        }
        return domain(host, inUrl);
    }

    /** Everything that is not a URL, cut into tokens of the characters indicators are made of. */
    private void tokens(CharSequence text, Map<String, Indicator> found, Set<String> excluded) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !tokenChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && tokenChar(text.charAt(i))) {
                i++;
            }
            if (i > start && i - start <= MAX_TOKEN) {
                classify(trimToken(text.subSequence(start, i).toString()), excluded)
                        .ifPresent(ind -> found.putIfAbsent(key(ind), ind));
            }
        }
    }

    private static boolean tokenChar(char c) {
        return Character.isLetterOrDigit(c) || ".-_@:%+".indexOf(c) >= 0;
    }

    private static String trimToken(String token) {
        int start = 0;
        int end = token.length();
        // "::1" and "fe80::" keep their double colon: it is part of an IPv6 address
        while (start < end && ".-_:%+".indexOf(token.charAt(start)) >= 0 && !token.startsWith("::", start)) {
            start++;
        }
        while (end > start && ".-_:@%+".indexOf(token.charAt(end - 1)) >= 0
                && !(end - start >= 2 && token.startsWith("::", end - 2))) {
            end--;
        }
        return token.substring(start, end);
    }

    private java.util.Optional<Indicator> classify(String token, Set<String> excluded) {
        if (token.length() < 3) {
            return java.util.Optional.empty();
        }
        if (token.indexOf('@') >= 0) {
            return email(token, excluded);
        }
        if (isCve(token)) {
            return java.util.Optional.of(new Indicator(IndicatorType.CVE, token.toUpperCase(Locale.ROOT), Mark.NONE));
        }
        if (isHex(token)) {
            IndicatorType hash = switch (token.length()) {
                case 32 -> IndicatorType.MD5;
                case 40 -> IndicatorType.SHA1;
                case 64 -> IndicatorType.SHA256;
                default -> null;
            };
            if (hash != null) {
                return java.util.Optional.of(new Indicator(hash, token.toLowerCase(Locale.ROOT), Mark.NONE));
            }
            // hex of another length: not a hash, and not a host either
            if (token.indexOf(':') < 0 && token.indexOf('.') < 0) {
                return java.util.Optional.empty();
            }
        }
        java.util.Optional<Indicator> withPort = ipv4WithPort(token);
        if (withPort.isPresent()) {
            return withPort;
        }
        return host(token, false);
    }

    private java.util.Optional<Indicator> email(String token, Set<String> excluded) {
        int at = token.lastIndexOf('@');
        String local = token.substring(0, at);
        String domainPart = token.substring(at + 1);
        if (local.isEmpty() || local.length() > 64 || local.indexOf('@') >= 0 || local.indexOf(':') >= 0) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(c < 0x80 && (Character.isLetterOrDigit(c) || "._%+-".indexOf(c) >= 0))) {
                return java.util.Optional.empty();
            }
        }
        java.util.Optional<Indicator> domain = domain(domainPart, true);
        if (domain.isEmpty()) {
            return java.util.Optional.empty();
        }
        String address = local.toLowerCase(Locale.ROOT) + "@" + domain.get().value();
        if (excluded.contains(address)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Indicator(IndicatorType.EMAIL, address, domain.get().mark()));
    }

    private static boolean isCve(String token) {
        if (token.length() < 13 || token.length() > 17 || !token.regionMatches(true, 0, "CVE-", 0, 4)) {
            return false;
        }
        int dash = token.indexOf('-', 4);
        return dash == 8 && allDigits(token, 4, 8) && token.length() - 9 >= 4 && allDigits(token, 9, token.length());
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return to > from;
    }

    private static boolean isHex(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.digit(token.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private java.util.Optional<Indicator> ipv4WithPort(String token) {
        int colon = token.indexOf(':');
        if (colon < 0 || token.indexOf(':', colon + 1) >= 0 || !allDigits(token, colon + 1, token.length())
                || token.length() - colon - 1 > 5) {
            return java.util.Optional.empty();
        }
        return ipv4(token.substring(0, colon));
    }

    private java.util.Optional<Indicator> ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return java.util.Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !allDigits(parts[i], 0, parts[i].length())) {
                return java.util.Optional.empty();
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return java.util.Optional.empty();
            }
            bytes[i] = (byte) v;
        }
        String canonical = (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        return java.util.Optional.of(new Indicator(IndicatorType.IPV4, canonical, own(bytes) ? Mark.OWN : AddressMarks.ipv4(bytes)));
    }

    private java.util.Optional<Indicator> ipv6(String s) {
        String address = s;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        int colons = 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == ':') {
                colons++;
            } else if (Character.digit(c, 16) < 0 && c != '.') {
                return java.util.Optional.empty();
            }
        }
        if (colons < 2 || address.length() > 45) {
            return java.util.Optional.empty();
        }
        try {
            // only ever a literal here (it holds colons): InetAddress parses it, it never looks a name up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Indicator(IndicatorType.IPV6, AddressMarks.rfc5952(bytes),
                    own(bytes) ? Mark.OWN : AddressMarks.ipv6(bytes)));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private java.util.Optional<Indicator> domain(String s, boolean inUrl) {
        if (s.indexOf('.') < 0 || s.length() > 253) {
            return java.util.Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return java.util.Optional.empty();
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c == '_' && inUrl))) {
                    return java.util.Optional.empty();
                }
            }
        }
        String tld = labels[labels.length - 1];
        if (allDigits(tld, 0, tld.length())) {
            return java.util.Optional.empty();
        }
        if (RESERVED_TLDS.contains(tld)) {
            Mark mark = tld.equals("localhost") || tld.equals("local") || tld.equals("internal") ? Mark.PRIVATE : Mark.DOCUMENTATION;
            return java.util.Optional.of(new Indicator(IndicatorType.DOMAIN, ascii, mark));
        }
        if (!inUrl && labels.length == 2 && FILE_LIKE_TLDS.contains(tld)) {
            return java.util.Optional.empty();
        }
        try {
            if (!InternetDomainName.from(ascii).isUnderPublicSuffix()) {
                return java.util.Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Indicator(IndicatorType.DOMAIN, ascii, domainMark(ascii)));
    }

    private boolean own(byte[] address) {
        return ownNetworks.stream().anyMatch(n -> n.contains(address));
    }

    private Mark domainMark(String domain) {
        if (ownDomains.stream().anyMatch(own -> under(domain, own))) {
            return Mark.OWN;
        }
        return DOCUMENTATION_DOMAINS.stream().anyMatch(doc -> under(domain, doc)) ? Mark.DOCUMENTATION : Mark.NONE;
    }

    /** Whether the host is the domain or one of its subdomains. */
    static boolean under(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private static String key(Indicator indicator) {
        return indicator.type() + " " + indicator.value();
    }
}
