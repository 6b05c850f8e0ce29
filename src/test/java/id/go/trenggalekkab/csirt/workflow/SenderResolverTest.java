package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.workflow.Sender.Standing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One resolver of who a sender is on a case, against the directory and the case's participants. */
class SenderResolverTest extends DeskIntegrationTest {

    @Autowired
    SenderResolver senders;

    @Test
    void theDesksPeopleAlwaysHandlersOnTheirCasesReportersHeardEveryoneElseStrangers() {
        String reporter = uniqueAddress("pelapor");
        long ticket = jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class,
                newCase(reporter, "Siapa pengirimnya"));

        assertThat(senders.resolve(ticket, People.OFFICER).standing()).isEqualTo(Standing.STAFF);
        assertThat(senders.resolve(ticket, People.KABID).standing()).isEqualTo(Standing.STAFF);
        assertThat(senders.resolve(ticket, People.KADIS).standing()).isEqualTo(Standing.STAFF);
        assertThat(senders.resolve(ticket, reporter)).satisfies(s -> {
            assertThat(s.standing()).isEqualTo(Standing.PARTICIPANT);
            assertThat(s.mayCommand()).isFalse();
        });
        // law enforcement and TTIS belong to a case only once it is handed to them
        assertThat(senders.resolve(ticket, People.APH).standing()).isEqualTo(Standing.STRANGER);
        assertThat(senders.resolve(ticket, People.TTIS).standing()).isEqualTo(Standing.STRANGER);
        jdbc.update("INSERT INTO participant (ticket_id, address, role) VALUES (?, ?, 'APH')", ticket, People.APH);
        assertThat(senders.resolve(ticket, People.APH)).satisfies(s -> {
            assertThat(s.standing()).isEqualTo(Standing.HANDLER);
            assertThat(s.mayCommand()).isTrue();
            assertThat(s.isHandlerTeam()).isTrue();
        });
        // a CSIRT upward the report went to is heard like a reporter, never a handler, though in the directory
        String national = "csirt-nasional@bssn.example";
        assertThat(senders.resolve(ticket, national).standing()).isEqualTo(Standing.STRANGER);
        jdbc.update("INSERT INTO participant (ticket_id, address, role) VALUES (?, ?, 'UPWARD_CSIRT')", ticket, national);
        assertThat(senders.resolve(ticket, national)).satisfies(s -> {
            assertThat(s.standing()).isEqualTo(Standing.PARTICIPANT);
            assertThat(s.mayCommand()).isFalse();
        });
        assertThat(senders.resolve(ticket, uniqueAddress("asing")).standing()).isEqualTo(Standing.STRANGER);
        assertThat(senders.resolve(ticket, null).standing()).isEqualTo(Standing.STRANGER);
    }
}
