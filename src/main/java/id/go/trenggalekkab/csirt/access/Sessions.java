package id.go.trenggalekkab.csirt.access;

import id.go.trenggalekkab.csirt.directory.Person;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/** Starts a signed-in session for a person whose mailed link was just used. */
@Component
public class Sessions {

    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    public void signIn(Person person, HttpServletRequest request, HttpServletResponse response) {
        // a new session id: whatever id the browser held before (fixation) is worth nothing now
        request.getSession(true);
        request.changeSessionId();
        // nor the forms' token: one a page showed before sign-in is not the signed-in session's
        csrfTokens.saveToken(null, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Viewers.SignedInPerson(person.address()), null,
                person.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        request.getSession().setAttribute(SessionLength.SIGNED_IN_AT, clock.instant());
    }
}
