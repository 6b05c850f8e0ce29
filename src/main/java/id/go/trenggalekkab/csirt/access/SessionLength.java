package id.go.trenggalekkab.csirt.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session lasts a working day from sign-in ({@code csirt.web.session-length}), however
 * busy: the servlet container's time-out only ends idle ones. An older session is
 * ended before the request is judged, and its holder signs in again.
 */
class SessionLength extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = "csirt.signedInAt";

    private final Duration length;
    private final Clock clock;

    SessionLength(Duration length, Clock clock) {
        this.length = length;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedIn
                && clock.instant().isAfter(signedIn.plus(length))) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
