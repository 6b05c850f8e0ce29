package id.go.trenggalekkab.csirt.api;

import id.go.trenggalekkab.csirt.access.Viewers;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.intake.QuarantineReplay;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Mail the intake could not take in, with why, and a way to take it in again once the cause
 * is fixed. Listing reads; a replay is a change and needs the API token ({@link ApiGuard}).
 */
@RestController
@RequestMapping("/api/quarantine")
class QuarantineController {

    /** Who a replay over HTTP is logged as, until people sign in to the API. */
    static final String ACTOR = "api";

    private final QuarantineReplay quarantine;

    private final Viewers viewers;

    QuarantineController(QuarantineReplay quarantine, Viewers viewers) {
        this.viewers = viewers;
        this.quarantine = quarantine;
    }

    @GetMapping
    List<QuarantineReplay.Quarantined> list() {
        // quarantined mail is anyone's, unread: only the desk's own staff look at it
        viewers.requireWhenSignedIn(Person::isDeskStaff, "quarantine is for the desk's officers and supervisors");
        return quarantine.list();
    }

    @PostMapping("/{id}/replay")
    QuarantineReplay.Replay replay(@PathVariable long id) {
        try {
            return quarantine.replay(id, ACTOR);
        } catch (NoSuchElementException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, missing.getMessage());
        }
    }
}
