package id.go.trenggalekkab.csirt.api;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.report;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestServers;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.system.Sha256;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The read API, the raw evidence download, health, the logbook's append-only rule, and ticket numbering. */
class TicketApiTest extends DeskIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.apache.camel.CamelContext camelContext;

    @Autowired
    TicketRepository tickets;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aTicketCanBeReadWithItsMessagesAttachmentsAndLogbookAndItsRawMessageByteForByte() {
        String reporter = uniqueAddress("api");
        String id = newMessageId();
        deliver(reporter, report("Sri Wahyuni <" + reporter + ">", "Akun email dinas diretas", "Kata sandi diganti.",
                "Message-ID: " + id));
        String number = awaitTicketOf(id);
        await().atMost(PATIENCE).until(() -> logbookEvents(number).contains("ACKNOWLEDGEMENT_SENT"));

        JsonNode ticket = http.getForObject("/api/tickets/" + number, JsonNode.class);
        assertThat(ticket.path("number").asText()).isEqualTo(number);
        assertThat(ticket.path("status").asText()).isEqualTo("VERIFICATION");
        assertThat(ticket.path("reporter").path("name").asText()).isEqualTo("Sri Wahyuni");
        assertThat(ticket.path("reporter").path("address").asText()).isEqualTo(reporter);
        assertThat(ticket.path("subject").asText()).isEqualTo("Akun email dinas diretas");
        assertThat(ticket.path("receivedAt").asText()).endsWith("+07:00");
        assertThat(ticket.path("step").asText()).isEqualTo("langkah 4: Verifikasi laporan");
        assertThat(ticket.path("tlp").asText()).isEqualTo("AMBER");
        assertThat(ticket.path("history").get(0).path("step").asText()).isEqualTo("VERIFICATION");
        // step 4's time standard is 20 minutes from receipt
        assertThat(java.time.Duration.between(java.time.OffsetDateTime.parse(ticket.path("receivedAt").asText()),
                java.time.OffsetDateTime.parse(ticket.path("stepDeadline").asText()))).isEqualTo(java.time.Duration.ofMinutes(20));
        JsonNode report = ticket.path("messages").get(0);
        assertThat(report.path("direction").asText()).isEqualTo("IN");
        assertThat(report.path("messageId").asText()).isEqualTo(id);
        assertThat(ticket.path("messages").get(1).path("direction").asText()).isEqualTo("OUT");
        assertThat(ticket.path("logbook").findValuesAsText("event")).contains("TICKET_CREATED", "ACKNOWLEDGEMENT_SENT");

        ResponseEntity<byte[]> raw = http.getForEntity(
                "/api/tickets/" + number + "/messages/" + report.path("id").asLong() + "/raw", byte[].class);
        assertThat(raw.getHeaders().getContentType().toString()).isEqualTo("message/rfc822");
        assertThat(Sha256.hex(raw.getBody())).isEqualTo(report.path("sha256").asText());
        assertThat(raw.getBody()).isEqualTo(jdbc.queryForObject(
                "SELECT raw FROM message WHERE id = ?", byte[].class, report.path("id").asLong()));

        JsonNode page = http.getForObject("/api/tickets?status=verification&size=2", JsonNode.class);
        assertThat(page.path("items").size()).isBetween(1, 2);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.path("items").findValuesAsText("status")).containsOnly("VERIFICATION");
    }

    @Test
    void unknownTicketsAndBadPagesAreClearErrors() {
        assertThat(http.getForEntity("/api/tickets/TTIS-1999-99999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/tickets/not-a-number", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/tickets?size=0", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void healthReportsTheDatabaseTheImapStoreAndTheSmtpServer() {
        // the intake consumer is "not yet polled", so not ready, until its first poll
        await().atMost(PATIENCE).until(() -> http.getForObject("/actuator/health", JsonNode.class)
                .path("status").asText().equals("UP"));
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("imap").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("mail").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void healthIsDownWhileNobodyReadsTheMailbox() throws Exception {
        await().atMost(PATIENCE).until(() -> http.getForObject("/actuator/health", JsonNode.class)
                .path("status").asText().equals("UP"));
        JsonNode up = http.getForObject("/actuator/health", JsonNode.class).path("components");
        assertThat(up.path("directory").path("details").path("officers").asInt()).isEqualTo(2);
        assertThat(up.path("instances").path("details").path("role").asText()).isEqualTo("intake");
        camelContext.getRouteController().stopRoute("mailbox-intake");
        try {
            JsonNode down = http.getForObject("/actuator/health", JsonNode.class);
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("components").path("instances").path("details").path("problem").asText())
                    .contains("holds the intake lease but its mailbox-intake route is Stopped");
        } finally {
            camelContext.getRouteController().startRoute("mailbox-intake");
        }
        await().atMost(PATIENCE).until(() -> http.getForObject("/actuator/health", JsonNode.class)
                .path("status").asText().equals("UP"));
    }

    @Test
    void theLogbookRefusesUpdatesAndDeletesEvenToItsOwner() {
        JdbcTemplate owner = TestServers.ownerJdbc();
        owner.update("INSERT INTO logbook (at, actor, event, detail) VALUES (now(), 'test', 'TEST_ENTRY', 'kept')");
        assertThatThrownBy(() -> owner.update("UPDATE logbook SET detail = 'rewritten' WHERE event = 'TEST_ENTRY'"))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM logbook WHERE event = 'TEST_ENTRY'"))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("TRUNCATE logbook CASCADE"))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThat(count("SELECT count(*) FROM logbook WHERE event = 'TEST_ENTRY' AND detail = 'kept'")).isEqualTo(1);
    }

    @Test
    void concurrentTransactionsNeverShareATicketNumberAndARolledBackOneLeavesNoGap() throws Exception {
        int year = 2099;
        ConcurrentHashMap<String, Boolean> numbers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 60; i++) {
                    boolean rollBack = i % 6 == 5;
                    String number = transaction.execute(s -> {
                        long id = tickets.insert(new TicketRepository.NewTicket(CaseStep.DISMISSED, null,
                                "someone@example.org", "nomor", java.time.Instant.now(), null));
                        String given = tickets.number(id, year).toString();
                        if (rollBack) {
                            s.setRollbackOnly();
                        }
                        return given;
                    });
                    if (!rollBack) {
                        numbers.put(number, true);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        // 200 committed, 40 rolled back: numbers 1..200, none shared, none missing
        assertThat(numbers).hasSize(200).containsKeys("TTIS-2099-00001", "TTIS-2099-00200");
        assertThat(count("SELECT count(*) FROM ticket WHERE year = 2099")).isEqualTo(200);
    }

    @Test
    void aTicketCannotCommitWithoutANumberNorChangeItsNumber() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> tickets.insert(new TicketRepository.NewTicket(
                CaseStep.DISMISSED, null, "someone@example.org", "tanpa nomor", java.time.Instant.now(), null))))
                .hasMessageContaining("without a number");
        long id = transaction.execute(s -> {
            long inserted = tickets.insert(new TicketRepository.NewTicket(CaseStep.DISMISSED, null,
                    "someone@example.org", "bernomor", java.time.Instant.now(), null));
            tickets.number(inserted, 2098);
            return inserted;
        });
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> tickets.number(id, 2098)))
                .hasMessageContaining("keeps its number");
        assertThatThrownBy(() -> jdbc.update("UPDATE ticket SET number = 'TTIS-2098-00042', sequence = 42 WHERE id = ?", id))
                .hasMessageContaining("keeps its number");
        // nor its parts under an unchanged number, which would leave the number, year and sequence disagreeing
        assertThatThrownBy(() -> jdbc.update("UPDATE ticket SET sequence = 43 WHERE id = ?", id))
                .hasMessageContaining("keeps its number");
    }
}
