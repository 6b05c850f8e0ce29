package id.go.trenggalekkab.csirt.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entries recorded in a transaction are written together as it commits: the transaction
 * still reads its own entries, a rollback leaves none, a suspended transaction's entries
 * wait for it while those of the one that suspended it are written as that one ends, and
 * every entry keeps its order, its time and its seal.
 */
class LogbookInTransactionTest extends DeskIntegrationTest {

    @Autowired
    private Logbook logbook;

    @Autowired
    private LogbookChain chain;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void aTransactionReadsItsOwnEntriesAndCommitsThemInOrderSealed() {
        long ticket = ticketId(newCase("pelapor.logbook@example.org", "Logbook dalam transaksi"));
        String mark = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(1);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            logbook.record(ticket, Logbook.SYSTEM, LogbookEvent.NON_PARTICIPANT_MESSAGE, mark + " 1");
            logbook.record(ticket, Logbook.SYSTEM, LogbookEvent.COMMAND_APPLIED, mark + " 2");
            logbook.record(ticket, Logbook.SYSTEM, LogbookEvent.NON_PARTICIPANT_MESSAGE, mark + " 3");
            // read inside the transaction, before anything was written
            assertThat(logbook.countSince(ticket, LogbookEvent.NON_PARTICIPANT_MESSAGE, before)).isEqualTo(2);
            assertThat(logbook.forTicket(ticket)).extracting(Logbook.Entry::detail).contains(mark + " 1", mark + " 3");
            logbook.record(ticket, Logbook.SYSTEM, LogbookEvent.COMMAND_APPLIED, mark + " 4");
            // the reads wrote the three before them; the fourth waits for the commit
            assertThat(count("SELECT count(*) FROM logbook WHERE detail LIKE ?", mark + "%")).isEqualTo(3);
            assertThat(TestServers.ownerJdbc().queryForObject("SELECT count(*) FROM logbook WHERE detail LIKE ?",
                    Integer.class, mark + "%")).as("seen from another connection").isZero();
        });
        List<String> details = jdbc.queryForList("SELECT detail FROM logbook WHERE detail LIKE ? ORDER BY id",
                String.class, mark + "%");
        assertThat(details).containsExactly(mark + " 1", mark + " 2", mark + " 3", mark + " 4");
        List<Instant> times = jdbc.queryForList("SELECT at FROM logbook WHERE detail LIKE ? ORDER BY id",
                java.sql.Timestamp.class, mark + "%").stream().map(java.sql.Timestamp::toInstant).toList();
        assertThat(times).isSorted().allSatisfy(at -> assertThat(at).isAfter(before));
        assertThat(count("""
                SELECT count(*) FROM logbook l JOIN logbook_seal s ON s.entry_id = l.id WHERE l.detail LIKE ?
                """, mark + "%")).isEqualTo(4);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aTransactionThatFailsLeavesNoEntry() {
        String mark = UUID.randomUUID().toString();
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            logbook.record(null, Logbook.SYSTEM, LogbookEvent.COMMAND_APPLIED, mark);
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        assertThat(count("SELECT count(*) FROM logbook WHERE detail = ?", mark)).isZero();
    }

    @Test
    void entriesOutsideATransactionAndInASuspendingOneAreWrittenAtOnce() {
        String mark = UUID.randomUUID().toString();
        logbook.record(null, Logbook.SYSTEM, LogbookEvent.COMMAND_APPLIED, mark + " alone");
        assertThat(count("SELECT count(*) FROM logbook WHERE detail = ?", mark + " alone")).isOne();

        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        TransactionTemplate without = new TransactionTemplate(transactionManager);
        without.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        new TransactionTemplate(transactionManager).executeWithoutResult(outer -> {
            logbook.record(null, Logbook.SYSTEM, LogbookEvent.COMMAND_APPLIED, mark + " outer");
            inner.executeWithoutResult(status -> logbook.record(null, Logbook.SYSTEM, LogbookEvent.COMMAND_APPLIED, mark + " inner"));
            // the inner transaction committed its own entry, and only that
            assertThat(count("SELECT count(*) FROM logbook WHERE detail LIKE ?", mark + " %er")).isOne();
            without.executeWithoutResult(status -> logbook.record(null, Logbook.SYSTEM, LogbookEvent.COMMAND_APPLIED,
                    mark + " between"));
            assertThat(count("SELECT count(*) FROM logbook WHERE detail = ?", mark + " between")).isOne();
            assertThat(count("SELECT count(*) FROM logbook WHERE detail = ?", mark + " outer")).isZero();
        });
        assertThat(jdbc.queryForList("SELECT detail FROM logbook WHERE detail LIKE ? ORDER BY id", String.class,
                mark + " %")).containsExactly(mark + " alone", mark + " inner", mark + " between", mark + " outer");
    }

    private long ticketId(String number) {
        return jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, number);
    }
}
