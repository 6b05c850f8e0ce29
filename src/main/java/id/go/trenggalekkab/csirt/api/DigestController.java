package id.go.trenggalekkab.csirt.api;

import id.go.trenggalekkab.csirt.access.Viewers;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.digest.Digest;
import id.go.trenggalekkab.csirt.digest.Period;
import id.go.trenggalekkab.csirt.digest.WeeklyDigest;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The digest's figures as JSON, and the digest sent on demand. Dates are WIB days; {@code to} is exclusive. */
@RestController
@RequestMapping("/api/digest")
class DigestController {

    private final WeeklyDigest digest;
    private final Viewers viewers;

    DigestController(WeeklyDigest digest, Viewers viewers) {
        this.digest = digest;
        this.viewers = viewers;
    }

    @GetMapping
    Digest figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        viewers.requireWhenSignedIn(p -> p.isDeskStaff() || p.has(Role.KADIS), "the figures are for the desk's staff and the Kadis");
        return digest.figures(period(from, to));
    }

    @PostMapping("/send")
    Map<String, Object> send(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period period = period(from, to);
        return Map.of("from", period.from(), "to", period.to(), "recipients", digest.send(period));
    }

    /** Last week, Monday to Monday, unless both ends are given. */
    private Period period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return digest.lastWeek();
        }
        if (from == null || to == null || !to.isAfter(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give both from and to (YYYY-MM-DD), from before to");
        }
        return new Period(from, to);
    }
}
