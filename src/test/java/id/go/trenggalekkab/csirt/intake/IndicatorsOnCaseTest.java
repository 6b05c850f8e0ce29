package id.go.trenggalekkab.csirt.intake;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report's indicators land on its case in the report's own transaction, from its text,
 * the targets of its HTML links and its text-like attachments, and are shown defanged; the
 * reporter's address is not one of them, a picture is not read as text, and a follow-up's
 * quote of the desk's acknowledgement (with the evidence's own hashes) adds nothing.
 */
class IndicatorsOnCaseTest extends DeskIntegrationTest {

    @Test
    void aReportsIndicatorsAreOnItsCaseDefangedWithWhereTheyWereFound() {
        String reporter = uniqueAddress("ioc");
        String id = TestMail.newMessageId();
        String csv = "waktu,ip,aksi\n2026-12-01 02:13,185.220.101.47,POST /wp-login.php\n";
        String html = "<p>Situs diretas dari 45.13.227.9, shell di hxxp://dinas-x[.]go[.]id/shell.php</p>"
                + "<p>Hubungi saya di " + reporter + ". <a href=\"https://kirim-bukti.com/unggah\">unggah bukti</a></p>"
                + "<p>Hash: 44d88612fea8a8f36de82e1278abb02f, celah CVE-2024-3400</p>";
        byte[] raw = ("From: Pelapor <" + reporter + ">\r\nTo: csirt@trenggalekkab.go.id\r\nSubject: Situs diretas\r\n"
                + "Message-ID: " + id + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n"
                + "--b\r\nContent-Type: text/csv; name=akses.csv\r\nContent-Disposition: attachment; filename=akses.csv\r\n\r\n"
                + csv + "\r\n"
                + "--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=layar.png\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("PNG 77.88.55.66 bukan teks".getBytes(StandardCharsets.US_ASCII))
                + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        TestMail.deliver(reporter, raw);
        String ticket = awaitTicketOf(id);

        List<String> defanged = new ArrayList<>();
        JsonNode list = http.getForObject("/api/tickets/" + ticket + "/indicators", JsonNode.class);
        list.forEach(i -> defanged.add(i.path("defanged").asText()));
        assertThat(defanged).contains("45[.]13[.]227[.]9", "hxxp[://]dinas-x[.]go[.]id/shell.php",
                "hxxps[://]kirim-bukti[.]com/unggah", "44d88612fea8a8f36de82e1278abb02f", "CVE-2024-3400",
                "185[.]220[.]101[.]47");
        assertThat(defanged).as("the reporter's own address, the picture's bytes")
                .noneMatch(d -> d.contains("77[.]88")).noneMatch(d -> d.contains(reporter.substring(0, reporter.indexOf('@'))));
        assertThat(list.toString()).as("nothing clickable in the API's answer")
                .doesNotContain("http://dinas-x", "45.13.227.9", "https://kirim-bukti");

        JsonNode fromCsv = find(list, "185[.]220[.]101[.]47");
        assertThat(fromCsv.path("foundIn").asText()).isEqualTo("ATTACHMENT");
        assertThat(fromCsv.path("attachmentSha256").asText()).isEqualTo(jdbc.queryForObject(
                "SELECT a.sha256 FROM attachment a JOIN message m ON m.id = a.message_id WHERE m.message_id = ?"
                        + " AND a.filename = 'akses.csv'", String.class, id));
        assertThat(find(list, "hxxps[://]kirim-bukti[.]com/unggah").path("foundIn").asText()).isIn("HTML_LINK", "TEXT");
        assertThat(find(list, "45[.]13[.]227[.]9").path("foundIn").asText()).isEqualTo("TEXT");

        // the reporter answers the acknowledgement, quoting it: its SHA-256 lines are the desk's, not indicators
        int before = list.size();
        String reportSha = jdbc.queryForObject("SELECT raw_sha256 FROM message WHERE message_id = ?", String.class, id);
        String reply = "Tambahan: penyerang juga memakai 91.240.118.172.\n\n"
                + "Pada 2 Des 2026 pukul 09.00, CSIRT menulis:\n> Bukti yang kami terima (nilai SHA-256):\n>   SHA-256 "
                + reportSha + "\n";
        TestMail.deliver(reporter, TestMail.report(reporter, "Re: [" + ticket + "] Laporan diterima: Situs diretas", reply,
                "In-Reply-To: " + id));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM indicator i JOIN ticket t ON t.id = i.ticket_id"
                + " WHERE t.number = ? AND i.value = '91.240.118.172'", ticket) == 1);
        JsonNode after = http.getForObject("/api/tickets/" + ticket + "/indicators", JsonNode.class);
        assertThat(after.size()).isEqualTo(before + 1);
        assertThat(after.toString()).doesNotContain(reportSha);

        // the MISP event: an attribute per indicator, and nothing of the reporter
        JsonNode misp = http.getForObject("/api/tickets/" + ticket + "/misp.json", JsonNode.class).path("Event");
        assertThat(misp.path("Attribute")).hasSize(after.size());
        assertThat(misp.path("Attribute").findValuesAsText("value")).contains("45.13.227.9", "91.240.118.172");
        assertThat(misp.toString()).doesNotContain(reporter, "Pelapor", "Situs diretas");
    }

    @Test
    void aSecondReportSharingAnIndicatorNamesTheFirstCaseButNotForPrivateOrBulkValues() {
        String first = newCase(uniqueAddress("korelasi-a"), "Serangan dari 91.219.236.18 ke 10.20.30.40, penipu@gmail.com");
        String secondId = TestMail.newMessageId();
        String reporter = uniqueAddress("korelasi-b");
        TestMail.deliver(reporter, TestMail.report(reporter, "Login mencurigakan",
                "Login gagal berulang dari 91[.]219[.]236[.]18 dan 10.20.30.40; pelaku memakai penipu@gmail.com.",
                "Message-ID: " + secondId));
        String second = awaitTicketOf(secondId);

        JsonNode related = http.getForObject("/api/tickets/" + second + "/related", JsonNode.class);
        assertThat(related).hasSize(1);
        assertThat(related.get(0).path("number").asText()).isEqualTo(first);
        assertThat(related.get(0).path("indicator").asText()).isEqualTo("91[.]219[.]236[.]18");

        // the officers' briefing of the second report says where else it was seen
        await().atMost(PATIENCE).until(() -> !briefingsOf(second, reporter).isEmpty());
        for (String briefing : briefingsOf(second, reporter)) {
            assertThat(briefing).contains("Juga terlihat pada kasus lain").contains(first + " (")
                    .contains("91[.]219[.]236[.]18").doesNotContain("91.219.236.18");
        }
    }

    @Test
    void officersAddAndRemoveIndicatorsByCommandAndAReporterCannot() {
        String reporter = uniqueAddress("ioc-perintah");
        String ticket = newCase(reporter, "Server diakses dari 193.42.33.7");
        command(People.OFFICER, ticket, "#ioc tambah c2-panel[.]xyz", "Dari log firewall.");
        await().atMost(PATIENCE).until(() -> active(ticket, "c2-panel.xyz") == 1);
        JsonNode added = find(http.getForObject("/api/tickets/" + ticket + "/indicators", JsonNode.class), "c2-panel[.]xyz");
        assertThat(added.path("foundIn").asText()).isEqualTo("OFFICER");
        assertThat(added.path("addedBy").asText()).isEqualTo(People.OFFICER);

        // the reporter writes the same words: text, not a command
        TestMail.deliver(reporter, TestMail.report(reporter, "Re: [" + ticket + "] #ioc hapus 193.42.33.7", "Mohon dihapus."));
        command(People.OFFICER, ticket, "#ioc hapus 193[.]42[.]33[.]7", "Alamat pemindai milik ISP.");
        await().atMost(PATIENCE).until(() -> active(ticket, "193.42.33.7") == 0);
        assertThat(jdbc.queryForObject("SELECT removed_by FROM indicator i JOIN ticket t ON t.id = i.ticket_id"
                + " WHERE t.number = ? AND i.value = '193.42.33.7'", String.class, ticket))
                .as("removed by the officer, the row kept").isEqualTo(People.OFFICER);
        assertThat(logbookEvents(ticket)).contains("COMMAND_APPLIED");
        awaitQuiet();
        assertThat(count("SELECT count(*) FROM logbook l JOIN ticket t ON t.id = l.ticket_id WHERE t.number = ?"
                + " AND l.event = 'COMMAND_APPLIED' AND l.actor = ?", ticket, reporter)).as("nothing the reporter wrote obeyed")
                .isZero();

        command(People.OFFICER, ticket, "#ioc tambah laporan.pdf", "");
        await().atMost(PATIENCE).until(() -> lastMailAbout(People.OFFICER, ticket, "Perintah ditolak") != null);
        assertThat(TestMail.textOf(lastMailAbout(People.OFFICER, ticket, "Perintah ditolak")))
                .contains("laporan.pdf bukan indikator yang dikenali");

    }

    private int active(String ticket, String value) {
        return count("SELECT count(*) FROM indicator i JOIN ticket t ON t.id = i.ticket_id WHERE t.number = ?"
                + " AND i.value = ? AND i.removed_at IS NULL", ticket, value);
    }

    @Test
    void othersMailOnTheCaseNeverMakesTheReporterAnIndicatorAndMachinesMailFeedsNothing() {
        String reporter = uniqueAddress("ioc-pihak");
        String ticket = newCase(reporter, "Situs kecamatan diretas");
        // the reporter's colleague, copied on the case, names the reporter and the attacker
        String colleague = uniqueAddress("ioc-rekan");
        jdbc.update("INSERT INTO participant (ticket_id, address, role) SELECT id, ?, 'COPIED' FROM ticket WHERE number = ?",
                colleague, ticket);
        TestMail.deliver(colleague, TestMail.report(colleague, "Re: [" + ticket + "] Situs kecamatan diretas",
                "Seperti dilaporkan " + reporter + ", penyerang memakai 5.188.62.140."));
        await().atMost(PATIENCE).until(() -> active(ticket, "5.188.62.140") == 1);
        assertThat(active(ticket, reporter)).as("the reporter's own address").isZero();

        // an auto-reply from the reporter's mailbox quoting an address feeds nothing
        TestMail.deliver(reporter, TestMail.report(reporter, "Re: [" + ticket + "] Situs kecamatan diretas",
                "Saya sedang cuti. Kontak darurat: 77.91.124.20", "Auto-Submitted: auto-replied"));
        // a stranger writing the case's tag plants nothing
        String stranger = uniqueAddress("ioc-asing");
        TestMail.deliver(stranger, TestMail.report(stranger, "Re: [" + ticket + "] Situs kecamatan diretas",
                "Pelakunya 193.233.20.2, percayalah."));
        awaitQuiet();
        assertThat(active(ticket, "77.91.124.20")).isZero();
        assertThat(active(ticket, "193.233.20.2")).isZero();
        assertThat(count("SELECT count(*) FROM message WHERE from_address = ?", stranger)).as("the mail itself is kept")
                .isEqualTo(1);
    }

    /** The briefings of a new report, whichever officers were on duty when it came. */
    /**
     * The briefings of the ticket's report. The mail server outlives a test class's desk, and
     * another class's desk numbers its tickets from the same start: the reporter's address
     * tells this desk's briefing from theirs.
     */
    private static List<String> briefingsOf(String ticket, String reporter) {
        List<String> texts = new ArrayList<>();
        for (String officer : List.of(People.OFFICER, People.PIKET)) {
            mailsAbout(officer, ticket, "Laporan baru").stream().map(TestMail::textOf)
                    .filter(text -> text.contains(reporter)).forEach(texts::add);
        }
        return texts;
    }

    private static JsonNode find(JsonNode list, String defanged) {
        for (JsonNode i : list) {
            if (i.path("defanged").asText().equals(defanged)) {
                return i;
            }
        }
        throw new AssertionError(defanged + " not in " + list);
    }
}
