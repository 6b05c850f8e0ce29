package id.go.trenggalekkab.csirt.intake;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.CsirtMaildeskApplication;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mail meant to make the desk talk too much: a flood of robots, and another desk answering back. */
class AbuseTest extends DeskIntegrationTest {

    @Test
    void aFloodOfAutoRepliesAndBouncesIsKeptAndNeverAnswered() {
        String marker = "banjir-" + System.nanoTime();
        List<byte[]> flood = new ArrayList<>();
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String sender = i % 2 == 0 ? uniqueAddress("cuti") : "mailer-daemon@mx" + i + ".example.org";
            senders.add(sender);
            flood.add(report(sender, (i % 2 == 0 ? "Out of office: " : "Undelivered: ") + marker + " " + i, "otomatis",
                    "Message-ID: " + newMessageId(), i % 2 == 0 ? "Auto-Submitted: auto-replied" : "X-Failed-Recipients: x@y"));
        }
        TestMail.putInDeskInbox(flood);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                .until(() -> count("SELECT count(*) FROM ticket WHERE subject LIKE ?", "%" + marker + "%") == 1000);
        assertThat(count("SELECT count(*) FROM ticket WHERE subject LIKE ? AND automatic AND status = 'AUTOMATIC'",
                "%" + marker + "%")).isEqualTo(1000);
        assertThat(count("""
                SELECT count(*) FROM message m JOIN ticket t ON t.id = m.ticket_id
                 WHERE t.subject LIKE ? AND m.direction = 'OUT'
                """, "%" + marker + "%")).isZero();
        assertThat(inboxOf(senders.get(0))).isEmpty();
    }

    @Test
    void twoDesksAnsweringEachOtherStopAfterOneAcknowledgement() throws Exception {
        String otherDesk = "csirt@desa-lain.example";
        TestServers.greenMail().setUser(otherDesk, otherDesk, otherDesk);
        // another desk is another deployment: its own database and mailbox, another desk address
        jdbc.execute("DROP DATABASE IF EXISTS other_desk");
        TestServers.ownerJdbc().execute("CREATE DATABASE other_desk");
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(CsirtMaildeskApplication.class).run(
                "--csirt.embedded.enabled=false", "--server.port=0",
                "--spring.datasource.url=" + TestServers.postgres().getJdbcUrl("postgres", "other_desk"),
                "--spring.datasource.username=postgres",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestServers.smtpPort(),
                "--csirt.desk-address=" + otherDesk,
                "--csirt.imap.url=imap://127.0.0.1:" + TestServers.imapPort(),
                "--csirt.imap.user=" + otherDesk, "--csirt.imap.password=" + otherDesk,
                "--csirt.imap.poll-delay=200", "--csirt.outbox.poll-interval=200")) {
            // the other desk "reports" to ours: our acknowledgement goes to the other desk's inbox
            String id = newMessageId();
            deliver(otherDesk, report(otherDesk, "Laporan antar-desk", "isi", "Message-ID: " + id));
            String ticket = awaitTicketOf(id);
            JdbcTemplate otherDb = other.getBean(JdbcTemplate.class);
            // the other desk takes our acknowledgement in as automatic mail, and answers nothing
            await().atMost(PATIENCE).until(() -> otherDb.queryForObject("""
                    SELECT count(*) FROM logbook l JOIN ticket t ON t.id = l.ticket_id
                     WHERE t.subject LIKE ? AND l.event = 'ACKNOWLEDGEMENT_SUPPRESSED'
                    """, Integer.class, "%[" + ticket + "]%") == 1);
            // both desks with nothing left to do: every mail taken in, every queued mail sent
            awaitQuiet();
            await().atMost(PATIENCE).until(() -> TestMail.folderCount(otherDesk, "INBOX") == 0
                    && otherDb.queryForObject("SELECT count(*) FROM outbox WHERE status = 'PENDING'", Integer.class) == 0);
            awaitQuiet();
            assertThat(count("SELECT count(*) FROM message WHERE direction = 'OUT' AND to_address = ?", otherDesk))
                    .isEqualTo(1);
            assertThat(otherDb.queryForObject("SELECT count(*) FROM message WHERE direction = 'OUT'", Integer.class))
                    .isZero();
            assertThat(inboxOf(TestServers.DESK)).noneMatch(raw -> new String(raw).contains("[" + ticket + "]"));
        }
    }
}
