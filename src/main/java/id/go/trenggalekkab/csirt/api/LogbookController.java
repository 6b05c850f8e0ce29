package id.go.trenggalekkab.csirt.api;

import id.go.trenggalekkab.csirt.logbook.LogbookChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether the logbook is as it was written: its hash chain, checked end to end. */
@RestController
class LogbookController {

    private final LogbookChain chain;

    LogbookController(LogbookChain chain) {
        this.chain = chain;
    }

    @GetMapping("/api/logbook/verify")
    LogbookChain.Verification verify() {
        return chain.verify();
    }
}
