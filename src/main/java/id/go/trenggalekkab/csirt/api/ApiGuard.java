package id.go.trenggalekkab.csirt.api;

import id.go.trenggalekkab.csirt.access.ApiToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP side's two outer doors: a request for any host name but the desk's own is
 * refused (a web page that rebinds its own name to 127.0.0.1 cannot reach the desk through
 * a browser), and a request that changes anything through the JSON API (sending the
 * digest, replaying quarantine) must carry the operator's API token ({@code Authorization:
 * Bearer ...}, {@code CSIRT_API_TOKEN}); where no token is set, nothing may change the desk
 * through the API. The web view's forms are a person's, signed in, with CSRF tokens
 * ({@code access/WebSecurity}).
 */
@Component
// before the security chain: a request for a foreign host name meets nothing else of the desk
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiGuard extends OncePerRequestFilter {

    private final Set<String> allowedHosts;
    private final ApiToken token;

    ApiGuard(@Value("${csirt.http.allowed-hosts}") List<String> allowedHosts, ApiToken token) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = hostName(request.getHeader("Host"));
        if (host == null || !allowedHosts.contains(host)) {
            response.sendError(421, "this desk answers to " + allowedHosts + " only (CSIRT_HTTP_HOSTS)");
            return;
        }
        if (request.getRequestURI().startsWith("/api/") && ApiToken.isChange(request)) {
            if (!token.isSet()) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN,
                        "nothing may change the desk over HTTP until CSIRT_API_TOKEN is set");
                return;
            }
            if (!token.presentedIn(request)) {
                response.setHeader("WWW-Authenticate", "Bearer");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a change needs Authorization: Bearer <token>");
                return;
            }
        }
        chain.doFilter(request, response);
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
