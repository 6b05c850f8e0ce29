package id.go.trenggalekkab.csirt.workflow;

import com.google.common.net.InternetDomainName;
import id.go.trenggalekkab.csirt.mail.MailHeaders;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a mail really comes from the address in its From, from the
 * Authentication-Results (RFC 8601) that the desk's own mail server wrote: DKIM pass for
 * a domain aligned with the From domain (the same organisational domain, by the public
 * suffix list), or DMARC pass for the From domain.
 *
 * <p>Believed are only the topmost Authentication-Results fields that carry the desk's
 * authserv-id and stand above every Received field not added by the desk's own servers
 * (RFC 8601 §5): anything further down was written before the mail reached them, by
 * anyone. A mail with more than one From, Sender or Subject field is never believed: a
 * signature that does not cover an added field is a known replay trick.
 */
public final class SenderAuthentication {

    /** Why a sender was or was not believed, for the logbook. */
    public record Verdict(boolean authenticated, String reason) {}

    private final String authservId;
    private final List<Pattern> ownReceived;

    public SenderAuthentication(CommandProperties properties) {
        this.authservId = properties.authservId().trim().toLowerCase(Locale.ROOT);
        this.ownReceived = properties.ownReceived().isEmpty()
                ? List.of(Pattern.compile("\\bby\\s+" + Pattern.quote(authservId) + "\\b", Pattern.CASE_INSENSITIVE))
                : properties.ownReceived().stream().map(Pattern::compile).toList();
    }

    public Verdict check(ParsedMail mail) {
        for (String field : List.of("From", "Sender", "Subject")) {
            if (mail.headers().count(field) > 1) {
                return new Verdict(false, "more than one " + field + " header field");
            }
        }
        String from = mail.fromAddress();
        if (from == null || !from.contains("@")) {
            return new Verdict(false, "no sender address");
        }
        String domain = from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        List<AuthenticationResults.Result> believed = believedResults(mail.headers());
        if (believed.isEmpty()) {
            return new Verdict(false, "no Authentication-Results from " + authservId
                    + " above the Received fields of other servers");
        }
        List<String> considered = new ArrayList<>();
        for (AuthenticationResults.Result r : believed) {
            considered.add(r.method() + "=" + r.result());
            if (r.passed() && r.method().equals("dkim") && (aligned(domain, r.property("header.d"))
                    || aligned(domain, domainOf(r.property("header.i"))))) {
                return new Verdict(true, "dkim pass for " + domain + " by " + authservId);
            }
            if (r.passed() && r.method().equals("dmarc") && domain.equalsIgnoreCase(String.valueOf(r.property("header.from")))) {
                return new Verdict(true, "dmarc pass for " + domain + " by " + authservId);
            }
        }
        return new Verdict(false, "no DKIM or DMARC pass for " + domain + " in " + considered);
    }

    /** The results the desk's own server wrote: from the top, until a Received field of another server. */
    private List<AuthenticationResults.Result> believedResults(MailHeaders headers) {
        List<AuthenticationResults.Result> believed = new ArrayList<>();
        for (MailHeaders.Field field : headers.inOrder()) {
            if (field.is("Received")) {
                if (ownReceived.stream().noneMatch(p -> p.matcher(field.value()).find())) {
                    break;
                }
            } else if (field.is("Authentication-Results")) {
                AuthenticationResults results = AuthenticationResults.parse(field.value());
                if (results.authservId().equals(authservId)) {
                    believed.addAll(results.results());
                }
            }
        }
        return believed;
    }

    /**
     * DMARC's relaxed alignment: the same organisational domain, by the public suffix list.
     * A public suffix itself ({@code go.id}) aligns with nothing.
     */
    static boolean aligned(String fromDomain, String signingDomain) {
        Optional<String> from = organisationalDomain(fromDomain);
        return from.isPresent() && from.equals(organisationalDomain(signingDomain));
    }

    static Optional<String> organisationalDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            return Optional.empty();
        }
        try {
            InternetDomainName name = InternetDomainName.from(domain.trim().toLowerCase(Locale.ROOT));
            if (name.isUnderPublicSuffix()) {
                return Optional.of(name.topPrivateDomain().toString());
            }
            return name.isPublicSuffix() ? Optional.empty() : Optional.of(name.toString());
        } catch (IllegalArgumentException | IllegalStateException notADomain) {
            return Optional.empty();
        }
    }

    private static String domainOf(String identity) {
        return identity == null ? null : identity.substring(identity.lastIndexOf('@') + 1);
    }
}
