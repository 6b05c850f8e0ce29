package id.go.trenggalekkab.csirt.api;

import id.go.trenggalekkab.csirt.access.Viewers;
import id.go.trenggalekkab.csirt.report.QuarterlySummary;
import id.go.trenggalekkab.csirt.sop.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A quarter's incidents by RSIT class, for the agency's own reporting: CSV and PDF (staff and the Kadis). */
@RestController
@RequestMapping("/api/summary")
class SummaryController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

    private final QuarterlySummary summary;
    private final Viewers viewers;

    SummaryController(QuarterlySummary summary, Viewers viewers) {
        this.summary = summary;
        this.viewers = viewers;
    }

    @GetMapping("/quarter.csv")
    ResponseEntity<byte[]> csv(@RequestParam int year, @RequestParam int quarter) {
        QuarterlySummary.Quarter q = quarter(year, quarter);
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"insiden-" + year + "-T" + quarter + ".csv\"")
                .body(summary.csv(q));
    }

    @GetMapping("/quarter.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam int year, @RequestParam int quarter) {
        QuarterlySummary.Quarter q = quarter(year, quarter);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"insiden-" + year + "-T" + quarter + ".pdf\"")
                .body(summary.pdf(q));
    }

    private QuarterlySummary.Quarter quarter(int year, int quarter) {
        viewers.requireWhenSignedIn(p -> p.isDeskStaff() || p.has(Role.KADIS), "the summary is for the desk's staff and the Kadis");
        if (quarter < 1 || quarter > 4 || year < 2000 || year > 2100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "quarter 1 to 4 and a year between 2000 and 2100");
        }
        return summary.of(year, quarter);
    }
}
