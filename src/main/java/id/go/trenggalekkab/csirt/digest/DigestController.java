package id.go.trenggalekkab.csirt.digest;

import id.go.trenggalekkab.csirt.system.Wib;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
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
    private final java.time.Clock clock;

    DigestController(WeeklyDigest digest, java.time.Clock clock) {
        this.digest = digest;
        this.clock = clock;
    }

    @GetMapping
    Digest figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate[] period = period(from, to);
        return digest.figures(period[0], period[1]);
    }

    @PostMapping("/send")
    Map<String, Object> send(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate[] period = period(from, to);
        return Map.of("from", period[0], "to", period[1], "recipients", digest.send(period[0], period[1]));
    }

    /** Last week, Monday to Monday, unless both ends are given. */
    private LocalDate[] period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            LocalDate monday = clock.instant().atZone(Wib.ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return new LocalDate[] {monday.minusWeeks(1), monday};
        }
        if (from == null || to == null || !to.isAfter(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give both from and to (YYYY-MM-DD), from before to");
        }
        return new LocalDate[] {from, to};
    }
}
