package id.go.trenggalekkab.csirt.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP side's two doors, until people sign in: a request for any host name but the
 * desk's own is refused (a web page that rebinds its own name to 127.0.0.1 cannot reach
 * the API through a browser), and a request that changes anything (sending the digest)
 * must carry the API token ({@code Authorization: Bearer ...}, {@code CSIRT_API_TOKEN});
 * where no token is set, nothing may change the desk over HTTP.
 */
@Component
class ApiGuard extends OncePerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> allowedHosts;
    private final byte[] token;

    ApiGuard(@Value("${csirt.http.allowed-hosts}") List<String> allowedHosts,
             @Value("${csirt.http.api-token:}") String token) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = hostName(request.getHeader("Host"));
        if (host == null || !allowedHosts.contains(host)) {
            response.sendError(421, "this desk answers to " + allowedHosts + " only (CSIRT_HTTP_HOSTS)");
            return;
        }
        if (!READING.contains(request.getMethod())) {
            if (token == null) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN,
                        "nothing may change the desk over HTTP until CSIRT_API_TOKEN is set");
                return;
            }
            if (!presented(request.getHeader("Authorization"))) {
                response.setHeader("WWW-Authenticate", "Bearer");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a change needs Authorization: Bearer <token>");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean presented(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    /** "localhost:8080" as "localhost", "[::1]:8080" as "[::1]"; null where there is none. */
    static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? null : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
