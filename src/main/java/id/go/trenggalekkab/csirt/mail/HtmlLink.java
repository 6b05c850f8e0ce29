package id.go.trenggalekkab.csirt.mail;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link of an HTML mail as the reader sees it ({@code text}) and where it really leads
 * ({@code target}). Phishing lives in the difference: text that reads as one address while
 * the target is another.
 */
public record HtmlLink(String text, String target) {

    /** Text that reads as an address: a URL, or a host name such as www.bank.co.id. */
    private static final Pattern LOOKS_LIKE_ADDRESS = Pattern.compile(
            "(?i)^(?:[a-z][a-z0-9+.-]*://)?((?:[a-z0-9-]+\\.)+[a-z]{2,})(?::\\d+)?(?:[/?#]\\S*)?$");

    /** Whether the text shows one host and the target leads to another. */
    public boolean deceptive() {
        Matcher shown = LOOKS_LIKE_ADDRESS.matcher(text.strip());
        if (!shown.matches()) {
            return false;
        }
        Optional<String> real = host(target);
        return real.isEmpty() || !bare(real.get()).equals(bare(shown.group(1)));
    }

    private static Optional<String> host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return Optional.ofNullable(host);
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }
}
