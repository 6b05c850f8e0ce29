package id.go.trenggalekkab.csirt.indicator;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.MovableClock;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.StandInMisp;
import id.go.trenggalekkab.csirt.support.TestMail;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code #bagikan} end to end, against a stand-in MISP: the command queues the case, the
 * misp-share route pushes it outside the command's transaction and tells the officer; a
 * MISP that is down is tried again later; a case whose TLP forbids it is refused at the
 * command, and again at the push if it was made RED while it waited; a reporter writing
 * the word queues nothing.
 */
class SharingWithMispTest extends DeskIntegrationTest {

    @Autowired
    MispShares shares;

    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOfficersShareIsQueuedPushedAndToldAndAReportersIsNothing() {
        String reporter = uniqueAddress("misp");
        String ticket = newCase(reporter, "Phishing dari login-bank-palsu.com");
        TestMail.deliver(reporter, TestMail.report(reporter, "Re: [" + ticket + "] #bagikan", "Bagikan saja."));
        command(People.OFFICER, ticket, "#verifikasi #bagikan", "Benar, situs phishing.");
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, "Dibagikan ke MISP") != null);

        assertThat(StandInMisp.instance().eventsAbout(ticket)).singleElement().asString()
                .contains("login-bank-palsu.com", "tlp:amber").doesNotContain(reporter);
        assertThat(TestMail.textOf(lastMailAbout(People.OFFICER, ticket, "Perintah diterapkan")))
                .contains("akan dikirim ke MISP");
        assertThat(TestMail.textOf(lastMailAbout(People.OFFICER, ticket, "Dibagikan ke MISP"))).contains("event ");
        Map<String, Object> row = share(ticket);
        assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 1).containsEntry("requested_by", People.OFFICER);
        assertThat(logbookEvents(ticket)).contains("SHARED_WITH_MISP");
        assertThat(count("SELECT count(*) FROM misp_share s JOIN ticket t ON t.id = s.ticket_id WHERE t.number = ?", ticket))
                .as("the reporter's #bagikan queued nothing").isEqualTo(1);
    }

    @Test
    void aMispThatIsDownIsTriedAgainLater() {
        String ticket = newCase(uniqueAddress("misp-mati"), "Ransomware dari 193.233.20.58");
        StandInMisp.instance().awayFor(ticket, 1);
        command(People.OFFICER, ticket, "#verifikasi #bagikan", "Benar.");
        await().atMost(PATIENCE).until(() -> StandInMisp.instance().pushesAbout(ticket).size() == 1
                && share(ticket).get("last_error") != null);
        assertThat(share(ticket)).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("last_error", "MISP menjawab HTTP 503");

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        shares.pushDue();
        await().atMost(PATIENCE).until(() -> "SENT".equals(share(ticket).get("status")));
        assertThat(share(ticket)).containsEntry("attempts", 2);
        assertThat(StandInMisp.instance().eventsAbout(ticket)).hasSize(1);
    }

    @Test
    void whatItsTlpKeepsInsideIsRefusedAtTheCommandAndAtThePush() {
        String red = newCase(uniqueAddress("misp-merah"), "Data pegawai bocor");
        command(People.OFFICER, red, "#verifikasi #tlp red #bagikan", "Rahasia.");
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, red, "Perintah ditolak") != null);
        assertThat(TestMail.textOf(lastMailAbout(People.OFFICER, red, "Perintah ditolak")))
                .contains("tidak dikirim ke MISP: TLP:RED tidak boleh keluar dari organisasi");

        // queued while AMBER, made RED while MISP was down: the retry sends nothing
        String later = newCase(uniqueAddress("misp-jadi-merah"), "Akun admin diambil alih");
        StandInMisp.instance().awayFor(later, 1);
        command(People.OFFICER, later, "#verifikasi #bagikan", "Benar.");
        await().atMost(PATIENCE).until(() -> share(later).get("last_error") != null);
        command(People.OFFICER, later, "#tlp red", "Melibatkan data pribadi.");
        await().atMost(PATIENCE).until(() -> "RED".equals(ticket(later).path("tlp").asText()));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        shares.pushDue();
        await().atMost(PATIENCE).until(() -> "REFUSED".equals(share(later).get("status")));
        assertThat(StandInMisp.instance().pushesAbout(later)).as("only the first, refused by the stand-in").hasSize(1);
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, later, "Tidak dibagikan ke MISP") != null);
        assertThat(logbookEvents(later)).contains("NOT_SHARED_WITH_MISP");
        assertThat(step(red)).isEqualTo(CaseStep.CATEGORISATION);
        assertThat(StandInMisp.instance().pushesAbout(red)).isEmpty();
    }

    private Map<String, Object> share(String ticket) {
        return jdbc.queryForList("SELECT s.* FROM misp_share s JOIN ticket t ON t.id = s.ticket_id WHERE t.number = ?"
                + " ORDER BY s.id DESC LIMIT 1", ticket).stream().findFirst().orElse(Map.of());
    }
}
