package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Where a step is entered, the SOP graph decides: no edge, no move, whoever asks. */
class StepEnforcementTest extends DeskIntegrationTest {

    @Autowired
    CaseRepository cases;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aMoveTheSopDoesNotHaveIsRefusedAndChangesNothing() {
        String ticket = newCase(uniqueAddress("loncat"), "Laporan yang ingin langsung ditutup");
        long id = ticketId(ticket);

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx ->
                cases.enter(id, CaseStep.VERIFICATION, CaseStep.CLOSED, Instant.now(), "petugas@trenggalekkab.go.id", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VERIFICATION to CLOSED");
        // an edge the SOP has, from a step the case is not in
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx ->
                cases.enter(id, CaseStep.CLOSING, CaseStep.CLOSED, Instant.now(), "petugas@trenggalekkab.go.id", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not in CLOSING");

        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
        assertThat(count("SELECT count(*) FROM case_step WHERE ticket_id = ?", id)).isEqualTo(1);

        transaction.executeWithoutResult(tx ->
                cases.enter(id, CaseStep.VERIFICATION, CaseStep.CATEGORISATION, Instant.now(), "petugas@trenggalekkab.go.id", null));
        assertThat(step(ticket)).isEqualTo(CaseStep.CATEGORISATION);
    }

    private long ticketId(String number) {
        return jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, number);
    }
}
