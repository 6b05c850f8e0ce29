package id.go.trenggalekkab.csirt.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.support.DeskProcess;
import id.go.trenggalekkab.csirt.support.IsolatedDesk;
import id.go.trenggalekkab.csirt.support.MailClient;
import id.go.trenggalekkab.csirt.support.TcpProxy;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The desk is not alone in its mailbox: officers read it in their own mail clients, and an
 * administrator may restore a folder from a backup. Whatever they do to other messages,
 * and whatever the folder's UIDVALIDITY becomes, the desk neither loses, doubles nor
 * misfiles a report, and never mistakes one message for another: it names every message
 * by UID, never by its position in the folder.
 */
class OthersInTheMailboxTest {

    private static final Pattern COMMAND = Pattern.compile("^[A-Za-z0-9]+ ([A-Z]+)(?: ([A-Z]+))?");
    /** IMAP commands that name messages; each must come as a UID command. */
    private static final Set<String> NAMING_MESSAGES = Set.of("FETCH", "STORE", "COPY", "MOVE", "SEARCH", "EXPUNGE");

    @Test
    void aPersonMovingDeletingAndFlaggingMailWhileTheDeskPollsCostsNoReport() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("person_in_mailbox");
        int reports = 300;
        int bulletins = 120;
        List<byte[]> mail = new ArrayList<>();
        List<byte[]> reportMail = desk.reports(reports);
        for (int i = 0; i < reports; i++) {
            mail.add(reportMail.get(i));
            if (i < bulletins) {
                mail.add(TestMail.report("buletin@list.example.net", "Buletin " + i, "Berita mingguan.",
                        "List-Id: <buletin.list.example.net>"));
            }
        }

        AtomicBoolean deskDone = new AtomicBoolean();
        AtomicInteger moved = new AtomicInteger();
        AtomicInteger deleted = new AtomicInteger();
        try (DeskProcess process = desk.prepare(Map.of())) {
            assertThat(TestMail.putInInbox(desk.mailbox, mail)).isEmpty();
            process.start();
            // an officer in Thunderbird: files bulletins away, deletes others, stars and reads reports
            Thread person = new Thread(() -> {
                MailClient officer = new MailClient(desk.mailbox);
                for (int round = 0; !deskDone.get() && round < 2_000; round++) {
                    int r = round;
                    try {
                        moved.addAndGet(officer.move("INBOX",
                                s -> s.startsWith("Buletin") && bulletin(s) % 3 == r % 3, "Arsip"));
                        deleted.addAndGet(officer.deleteAndExpunge("INBOX",
                                s -> s.startsWith("Buletin") && bulletin(s) % 3 == (r + 1) % 3));
                        officer.flag("INBOX", s -> s.startsWith("Laporan insiden") && s.endsWith("5"), Flags.Flag.FLAGGED);
                        officer.flag("INBOX", s -> s.startsWith("Laporan insiden") && s.endsWith("7"), Flags.Flag.SEEN);
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception droppedByGreenMail) {
                        // GreenMail dropped the officer's connection too: the officer logs in again
                        officer = new MailClient(desk.mailbox);
                    }
                }
                try {
                    officer.close();
                } catch (Exception ignored) {
                    // logging out of a test server
                }
            }, "officer-in-thunderbird");
            person.start();
            // GreenMail's sessions are not thread-safe against each other: now and then it drops a
            // connection (its own IllegalStateException); the desk reconnects, and that is all
            await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    (desk.folderCount("INBOX") == 0 && desk.outboxDrained()) || !process.isAlive());
            deskDone.set(true);
            person.join();
            assertThat(process.isAlive()).as("desk alive (see %s)", process.log()).isTrue();
        }
        System.out.printf("officer in the mailbox: %d bulletins moved to Arsip, %d deleted and expunged while the desk"
                + " took the mail in%n", moved.get(), deleted.get());
        assertThat(moved.get() + deleted.get()).as("the officer did act while the desk polled").isPositive();

        // every report: one ticket, one acknowledgement; nothing quarantined
        assertThat(desk.count("SELECT count(*) FROM message WHERE direction = 'IN' AND subject LIKE 'Laporan insiden%'"))
                .isEqualTo(reports);
        assertThat(desk.count("SELECT count(DISTINCT raw_sha256) FROM message WHERE direction = 'IN'"))
                .isEqualTo(desk.count("SELECT count(*) FROM message WHERE direction = 'IN'"));
        Map<String, List<String>> acknowledgements = TestMail.messageIdsByRecipient(desk.reporterDomain);
        assertThat(acknowledgements).hasSize(reports);
        assertThat(acknowledgements.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(TestMail.messageIdsByRecipient("list.example.net")).isEmpty();
        assertThat(desk.count("SELECT count(*) FROM quarantine")).isZero();

        // nothing misfiled: the desk moved only what it had taken in, and every report is in Processed
        Set<String> stored = desk.texts("SELECT raw_sha256 FROM message WHERE direction = 'IN'");
        try (MailClient auditor = new MailClient(desk.mailbox)) {
            Set<String> processed = auditor.messages("Processed").stream().map(MailClient.Stored::sha256)
                    .collect(Collectors.toSet());
            assertThat(stored).containsAll(processed);
            Set<String> reportHashes = reportMail.stream().map(id.go.trenggalekkab.csirt.system.Sha256::hex)
                    .collect(Collectors.toSet());
            assertThat(processed).containsAll(reportHashes);
            assertThat(auditor.messages("Quarantine")).isEmpty();
            // and what the officer filed away are bulletins, where the officer put them
            assertThat(auditor.messages("Arsip")).isNotEmpty().allSatisfy(m ->
                    assertThat(TestMail.subjectOf(TestMail.parse(m.raw()))).startsWith("Buletin"));
        }
    }

    @Test
    void aFolderRecreatedFromABackupGetsANewUidValidityAndNoReportIsLostOrDoubled() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("folder_recreated");
        String folder = "Laporan";
        List<byte[]> before = desk.reports(150);
        List<byte[]> after = desk.reports(50);

        long validityBefore;
        long validityAfter;
        try (DeskProcess process = desk.prepare(Map.of("csirt.imap.folder", folder,
                "csirt.imap.max-messages-per-poll", "10"));
             MailClient admin = new MailClient(desk.mailbox)) {
            admin.append(folder, before);
            validityBefore = admin.uidValidity(folder);
            process.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> desk.tickets() >= 40 || !process.isAlive());

            // the administrator restores the folder from last night's backup while the desk polls:
            // what was still there, twenty reports the desk had already taken in, and the new mail
            List<byte[]> restore = new ArrayList<>();
            admin.messages(folder).forEach(m -> restore.add(m.raw()));
            admin.recreate(folder);
            admin.messages("Processed").stream().limit(20).forEach(m -> restore.add(m.raw()));
            restore.addAll(after);
            admin.append(folder, restore);
            validityAfter = admin.uidValidity(folder);

            await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> (desk.tickets() == 200 && desk.folderCount(folder) == 0 && desk.outboxDrained())
                            || !process.isAlive());
            assertThat(process.isAlive()).as("desk alive (see %s)", process.log()).isTrue();
        }

        assertThat(validityAfter).isNotEqualTo(validityBefore);
        desk.assertEveryReportOneTicketOneAcknowledgement(200, 0);
        assertThat(desk.count("SELECT count(*) FROM logbook WHERE event = 'MESSAGE_DUPLICATE'")).isGreaterThanOrEqualTo(20);
        assertThat(desk.count("SELECT count(*) FROM quarantine")).isZero();
        try (MailClient auditor = new MailClient(desk.mailbox)) {
            Set<String> processed = new HashSet<>();
            auditor.messages("Processed").forEach(m -> processed.add(m.sha256()));
            assertThat(processed).hasSize(200);
        }
    }

    @Test
    void theDeskNamesEveryMessageByUidAndNeverExpungesWhatAnotherClientMarkedDeleted() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("by_uid");
        List<byte[]> mail = new ArrayList<>(desk.reports(30));
        // refused for its shape (more MIME parts than the desk reads): quarantined, moved to Quarantine
        mail.add(TestMail.manyParts("meriam@example.org", TestMail.newMessageId(), MailParser.MAX_PARTS + 1));
        mail.add(TestMail.report("rapat@example.org", "Undangan rapat", "Bukan laporan."));

        try (TcpProxy imap = new TcpProxy(TestServers.imapPort());
             DeskProcess process = desk.prepareReadingThrough(imap, Map.of("csirt.imap.max-messages-per-poll", "8"));
             MailClient officer = new MailClient(desk.mailbox)) {
            assertThat(TestMail.putInInbox(desk.mailbox, mail)).isEmpty();
            // an officer marks the meeting invitation for deletion before the desk has read it
            assertThat(officer.markDeleted("INBOX", s -> s.equals("Undangan rapat"))).isEqualTo(1);
            process.start();
            await().atMost(Duration.ofMinutes(3)).until(() ->
                    (desk.folderCount("INBOX") == 0 && desk.folderCount("Quarantine") == 1 && desk.outboxDrained())
                            || !process.isAlive());
            assertThat(process.isAlive()).as("desk alive (see %s)", process.log()).isTrue();

            for (List<String> connection : imap.clientLines()) {
                String lastSelect = null;
                for (String line : connection) {
                    java.util.regex.Matcher command = COMMAND.matcher(line);
                    if (!command.find()) {
                        continue;
                    }
                    String verb = command.group(1);
                    assertThat(NAMING_MESSAGES).as("a command naming messages by number: %s", line).doesNotContain(verb);
                    if (verb.equals("SELECT") || verb.equals("EXAMINE")) {
                        lastSelect = verb;
                    }
                    if (verb.equals("CLOSE")) {
                        // CLOSE on a folder opened read-write expunges everything flagged \Deleted
                        assertThat(lastSelect).as("CLOSE after %s: %s", lastSelect, line).isEqualTo("EXAMINE");
                    }
                }
            }
            assertThat(imap.clientLinesContaining(" UID MOVE ")).as("the desk moved mail by UID").isPositive();
        }
        // nothing an officer deletes before the desk has read it is lost: it is a case like any other
        assertThat(desk.tickets()).isEqualTo(31);
        assertThat(desk.count("SELECT count(*) FROM message WHERE subject = 'Undangan rapat'")).isEqualTo(1);
        assertThat(desk.count("SELECT count(*) FROM quarantine")).isEqualTo(1);
        try (MailClient auditor = new MailClient(desk.mailbox)) {
            assertThat(auditor.messages("Processed")).hasSize(31);
            // quarantine is where its mail is: the same bytes in the table and in the folder
            assertThat(auditor.messages("Quarantine")).extracting(MailClient.Stored::sha256)
                    .containsExactlyElementsOf(desk.texts("SELECT raw_sha256 FROM quarantine"));
        }
    }

    private static int bulletin(String subject) {
        return Integer.parseInt(subject.substring("Buletin ".length()).trim());
    }
}
