package id.go.trenggalekkab.csirt.api;

import id.go.trenggalekkab.csirt.report.FinalReport;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The final report of a case as a PDF, rendered from the record when asked for. */
@RestController
class FinalReportController {

    private final FinalReport report;

    FinalReportController(FinalReport report) {
        this.report = report;
    }

    @GetMapping("/api/tickets/{number}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        byte[] pdf = TicketNumber.tryParse(number).flatMap(report::render)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no ticket " + number));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"Laporan-" + number + ".pdf\"")
                .body(pdf);
    }
}
