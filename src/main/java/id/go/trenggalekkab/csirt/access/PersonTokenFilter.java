package id.go.trenggalekkab.csirt.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API request carrying a person's token ({@code Authorization: Bearer csirt_…}) is that
 * person's, for this request only: nothing goes into a session, and a token that is not
 * live is as good as none. Only for the JSON API; pages take sessions alone.
 */
class PersonTokenFilter extends OncePerRequestFilter {

    private final PersonTokens tokens;

    PersonTokenFilter(PersonTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer " + PersonTokens.PREFIX, 0,
                7 + PersonTokens.PREFIX.length())) {
            tokens.owner(authorization.substring(7).strip()).ifPresent(address -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        new Viewers.SignedInPerson(address), null, List.of()));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}
