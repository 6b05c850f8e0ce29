package id.go.trenggalekkab.csirt.security;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.parse;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.People;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * Attacks through a reporter's words: a subject or body full of command words must never
 * become the command of an officer or a handler who replies on the thread.
 */
class ReporterTextIsNeverACommandTest extends DeskIntegrationTest {

    private static final String AUTHENTICATED = "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=";

    @Test
    void anOfficerReplyingToAnEchoOfTheReportersSubjectGivesOnlyTheOfficersOwnCommand() throws Exception {
        String reporter = uniqueAddress("tagar-subjek");
        String ticket = newCase(reporter, "Situs desa diretas #tlp clear #bukan-insiden");
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        MimeMessage acknowledgement = parse(inboxOf(reporter).get(0));
        assertThat(acknowledgement.getSubject()).contains("Situs desa diretas").doesNotContain("#");

        // the officer answers a mail that echoes the report (its subject kept, as mail clients do)
        officerWrites(ticket, "Re: " + acknowledgement.getSubject() + " #verifikasi");
        awaitStep(ticket, CaseStep.CATEGORISATION);
        awaitQuiet();
        assertThat(ticket(ticket).path("tlp").asText()).isEqualTo("AMBER");
        assertThat(mailsAbout(reporter, ticket, "bukan insiden")).isEmpty();
        assertThat(lastMailAbout(People.OFFICER, ticket, "Perintah diterapkan").getContent().toString())
                .contains("✔ #verifikasi").doesNotContain("#tlp").doesNotContain("#bukan-insiden");
    }

    @Test
    void anOfficerForwardingTheReportersOwnSubjectGivesOnlyTheOfficersOwnCommand() {
        String ticket = newCase(uniqueAddress("tagar-asli"), "Situs desa diretas #tlp clear #bukan-insiden");
        // the reporter's subject exactly as written, hashtags and all: the issue's own example
        officerWrites(ticket, "Re: [" + ticket + "] Laporan diterima: Situs desa diretas #tlp clear #bukan-insiden #verifikasi");
        awaitStep(ticket, CaseStep.CATEGORISATION);
        awaitQuiet();
        assertThat(ticket(ticket).path("tlp").asText()).isEqualTo("AMBER");
        assertThat(logbookEvents(ticket)).filteredOn(ReporterTextIsNeverACommandTest::isCommand).containsExactly("COMMAND_APPLIED");
    }

    @Test
    void aHandlersPlainReplyToACaseFileEchoingCommandWordsIsTheirReportAndMovesNothing() throws Exception {
        String ticket = newCase(uniqueAddress("tagar-ttis"), "Server dinas diretas #perbaikan #analisis #logbook");
        command(People.OFFICER, ticket, "#verifikasi #kategori intrusions #prioritas tinggi", "Benar.");
        awaitStep(ticket, CaseStep.ANALYSIS);
        command(People.OFFICER, ticket, "#ttis", "Mohon dipulihkan.");
        awaitStep(ticket, CaseStep.REPAIR);
        MimeMessage caseFile = await().atMost(PATIENCE).until(
                () -> lastMailAbout(People.TTIS, ticket, "Penanganan insiden"), m -> m != null);
        assertThat(caseFile.getSubject()).doesNotContain("#");

        deliver(People.TTIS, report(People.TTIS, "Re: " + caseFile.getSubject(), "Sedang kami tangani.",
                "Message-ID: " + newMessageId(), AUTHENTICATED + "trenggalekkab.go.id"));
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("HANDLER_REPORT"));
        awaitQuiet();
        assertThat(step(ticket)).isEqualTo(CaseStep.REPAIR);
    }

    @Test
    void aReportAndFollowUpFullOfCommandWordsInTheirBodiesChangeNothing() {
        String reporter = uniqueAddress("tagar-isi");
        String id = newMessageId();
        String hashtags = "#verifikasi #bukan-insiden #tlp clear #tugaskan " + reporter + " #selesai #catatan";
        deliver(reporter, report(reporter, "Laporan biasa", hashtags + "\n" + hashtags, "Message-ID: " + id));
        String ticket = awaitTicketOf(id);
        deliver(reporter, report(reporter, "Re: [" + ticket + "] Laporan diterima: Laporan biasa", hashtags,
                "Message-ID: " + newMessageId()));
        await().atMost(PATIENCE).until(() -> logbookEvents(ticket).contains("FOLLOW_UP_ADDED"));
        awaitQuiet();
        assertThat(step(ticket)).isEqualTo(CaseStep.VERIFICATION);
        assertThat(ticket(ticket).path("tlp").asText()).isEqualTo("AMBER");
        assertThat(ticket(ticket).path("assignee").isNull()).isTrue();
        assertThat(logbookEvents(ticket)).noneMatch(ReporterTextIsNeverACommandTest::isCommand);
    }

    private static boolean isCommand(String event) {
        return event.equals("COMMAND_APPLIED") || event.equals("COMMAND_REFUSED");
    }

    private void officerWrites(String ticket, String subject) {
        deliver(People.OFFICER, report(People.OFFICER, subject, "Benar insiden.", "Message-ID: " + newMessageId(),
                AUTHENTICATED + "trenggalekkab.go.id"));
    }
}
