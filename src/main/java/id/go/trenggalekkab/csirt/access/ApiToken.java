package id.go.trenggalekkab.csirt.access;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator's API token ({@code CSIRT_API_TOKEN}): what a change over HTTP must carry
 * as {@code Authorization: Bearer …}, and what reads the API without a person's sign-in.
 * Compared in constant time; where none is set, nobody presents it.
 */
@Component
public class ApiToken {

    private final byte[] token;

    ApiToken(@Value("${csirt.http.api-token:}") String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
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
