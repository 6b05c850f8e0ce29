package id.go.trenggalekkab.csirt.access;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import java.io.Serializable;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is looking: the person signed in to this request's session, as the directory says
 * they are now. Roles are read from the directory on every request, so a change to the
 * directory applies at once, and someone taken out of it sees nothing more.
 */
@Component
public class Viewers {

    private final Directory directory;

    Viewers(Directory directory) {
        this.directory = directory;
    }

    /** The signed-in person, or empty: nobody signed in (the open API, the operator's token), or no longer in the directory. */
    public Optional<Person> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInPerson signedIn)) {
            return Optional.empty();
        }
        return directory.find(signedIn.address());
    }

    /** The signed-in person, for pages that exist only for one: 401 otherwise. */
    public Person required() {
        return current().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    /**
     * For what only some people may see: a signed-in person outside {@code allowed} is
     * refused (403); the operator's token and the open API pass, as everywhere.
     */
    public void requireWhenSignedIn(Predicate<Person> allowed, String what) {
        current().filter(allowed.negate()).ifPresent(person -> {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, what);
        });
    }

    /**
     * The principal of a session: only the address; everything else comes from the directory.
     * Serializable, since sessions are kept in the database (Spring Session JDBC).
     */
    public record SignedInPerson(String address) implements Serializable {
        @Override
        public String toString() {
            return address;
        }
    }
}
