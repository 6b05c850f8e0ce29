package id.go.trenggalekkab.csirt.digest;

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

    DigestController(WeeklyDigest digest) {
        this.digest = digest;
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
            return digest.lastWeek();
        }
        if (from == null || to == null || !to.isAfter(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give both from and to (YYYY-MM-DD), from before to");
        }
        return new LocalDate[] {from, to};
    }
}
