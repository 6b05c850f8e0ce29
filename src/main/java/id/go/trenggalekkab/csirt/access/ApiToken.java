package id.go.trenggalekkab.csirt.access;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator's API token ({@code CSIRT_API_TOKEN}): what a change over HTTP must carry
 * as {@code Authorization: Bearer …}, and what reads the API without a person's sign-in.
 * Compared in constant time; where none is set, nobody presents it.
 */
@Component
public class ApiToken {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final byte[] token;

    ApiToken(@Value("${csirt.http.api-token:}") String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** A request that changes something (anything but GET, HEAD, OPTIONS): what the token is for. */
    public static boolean isChange(HttpServletRequest request) {
        return !READS.contains(request.getMethod());
    }

    public boolean isSet() {
        return token != null;
    }

    public boolean presentedIn(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (token == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
