package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.mail.ParsedMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a mail really comes from the address in its From, from the
 * Authentication-Results header (RFC 8601) that the desk's own mail server stamped:
 * DKIM pass for the From domain (or its parent, relaxed alignment), or DMARC pass for the
 * From domain. Results from any other authserv-id are ignored: anyone can write a header.
 * The desk's server must remove forged headers that claim its authserv-id (RFC 8601 §5),
 * as OpenDKIM/OpenDMARC and rspamd do.
 */
public final class SenderAuthentication {

    /** Why a sender was or was not believed, for the logbook. */
    public record Verdict(boolean authenticated, String reason) {}

    private final String authservId;

    public SenderAuthentication(String authservId) {
        this.authservId = authservId == null ? "" : authservId.trim().toLowerCase(Locale.ROOT);
    }

    public Verdict check(ParsedMail mail) {
        String from = mail.fromAddress();
        if (from == null || !from.contains("@")) {
            return new Verdict(false, "no sender address");
        }
        String domain = from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        List<String> considered = new ArrayList<>();
        for (String header : mail.headers().all("Authentication-Results")) {
            List<String> parts = splitResults(withoutComments(header));
            if (parts.isEmpty() || !parts.get(0).trim().split("\\s+")[0].equalsIgnoreCase(authservId)) {
                continue;
            }
            for (String result : parts.subList(1, parts.size())) {
                considered.add(result.trim());
                if (passesFor(result, domain)) {
                    return new Verdict(true, result.trim().split("\\s+")[0] + " for " + domain + " by " + authservId);
                }
            }
        }
        return new Verdict(false, considered.isEmpty()
                ? "no Authentication-Results from " + authservId
                : "no DKIM or DMARC pass for " + domain + " in " + considered);
    }

    private static boolean passesFor(String result, String domain) {
        String[] tokens = result.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (tokens.length == 0) {
            return false;
        }
        String method = tokens[0].split("=", 2)[0].split("/", 2)[0];
        if (!tokens[0].endsWith("=pass")) {
            return false;
        }
        for (String token : tokens) {
            String[] kv = token.split("=", 2);
            if (kv.length < 2) {
                continue;
            }
            String value = kv[1].replace("\"", "");
            if (method.equals("dkim") && kv[0].equals("header.d") && aligned(domain, value)) {
                return true;
            }
            if (method.equals("dkim") && kv[0].equals("header.i") && aligned(domain, value.substring(value.indexOf('@') + 1))) {
                return true;
            }
            if (method.equals("dmarc") && kv[0].equals("header.from") && value.equals(domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean aligned(String fromDomain, String signingDomain) {
        return !signingDomain.isEmpty() && (fromDomain.equals(signingDomain) || fromDomain.endsWith("." + signingDomain));
    }

    private static String withoutComments(String value) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : value.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> splitResults(String header) {
        List<String> parts = new ArrayList<>();
        for (String part : header.split(";")) {
            if (!part.isBlank()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
