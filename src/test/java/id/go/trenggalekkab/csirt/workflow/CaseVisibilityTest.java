package id.go.trenggalekkab.csirt.workflow;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.CaseVisibility.Sight;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who sees how much of a case, for the web view and the API: a TLP:RED case only its
 * participants (the officer who acted on it, then the one it was assigned to), even among
 * the desk's own people; TTIS once a case is handed to it, without the reporter; the Kadis
 * the heading of every case but a red one.
 */
class CaseVisibilityTest extends DeskIntegrationTest {

    @Autowired
    CaseVisibility visibility;

    @Autowired
    TicketRepository tickets;

    @Autowired
    Directory directory;

    @Test
    void aRedCaseIsSeenOnlyByItsParticipants() {
        String ticket = newCase(uniqueAddress("merah"), "Data pribadi pegawai bocor");
        command(People.OFFICER, ticket, "#tlp red", "");
        await().atMost(PATIENCE).until(() -> "RED".equals(ticket(ticket).path("tlp").asText()));

        assertThat(sight(People.OFFICER, ticket)).as("acted on it").isEqualTo(Sight.EVERYTHING);
        assertThat(sight(People.PIKET, ticket)).as("an officer who did not").isEqualTo(Sight.NONE);
        assertThat(sight(People.KABID, ticket)).isEqualTo(Sight.NONE);
        assertThat(sight(People.KADIS, ticket)).isEqualTo(Sight.NONE);
        assertThat(sight(People.TTIS, ticket)).isEqualTo(Sight.NONE);
        // named as a related case (API and case page): only to whom may see it, never a number that is not there
        assertThat(visibility.maySee(directory.find(People.OFFICER).orElseThrow(), ticket)).isTrue();
        assertThat(visibility.maySee(directory.find(People.PIKET).orElseThrow(), ticket)).isFalse();
        assertThat(visibility.maySee(directory.find(People.OFFICER).orElseThrow(), "TTIS-2099-99999")).isFalse();

        command(People.OFFICER, ticket, "#tugaskan " + People.PIKET, "");
        await().atMost(PATIENCE).until(() -> People.PIKET.equals(ticket(ticket).path("assignee").asText()));
        assertThat(sight(People.PIKET, ticket)).as("assigned to it").isEqualTo(Sight.EVERYTHING);
    }

    @Test
    void ttisSeesACaseOnceHandedToItAndTheKadisItsHeading() {
        String ticket = newCase(uniqueAddress("ttis-lihat"), "Situs dinas diretas lagi");
        assertThat(sight(People.TTIS, ticket)).isEqualTo(Sight.NONE);
        assertThat(sight(People.KADIS, ticket)).isEqualTo(Sight.OVERVIEW);
        assertThat(sight(People.PIKET, ticket)).isEqualTo(Sight.EVERYTHING);

        command(People.OFFICER, ticket, "#verifikasi", "Benar.");
        awaitStep(ticket, CaseStep.CATEGORISATION);
        command(People.OFFICER, ticket, "#kategori defacement #prioritas tinggi", "");
        awaitStep(ticket, CaseStep.ANALYSIS);
        command(People.OFFICER, ticket, "#ttis", "Pulihkan.");
        awaitStep(ticket, CaseStep.REPAIR);
        assertThat(sight(People.TTIS, ticket)).as("handed to TTIS: evidence, not the reporter").isEqualTo(Sight.EVIDENCE);
        assertThat(sight(People.APH, ticket)).isEqualTo(Sight.NONE);
    }

    private Sight sight(String address, String ticket) {
        Person person = directory.find(address).orElseThrow();
        Ticket t = tickets.find(TicketNumber.parse(ticket)).orElseThrow();
        return visibility.of(person, t);
    }
}
