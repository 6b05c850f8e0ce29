package id.go.trenggalekkab.csirt.security;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database itself refuses the role the desk runs as, whatever the code above it
 * is made to do (an injection, a bug, a stolen login), and what shows when someone with
 * more rights rewrites the record anyway.
 */
class DatabaseBoundaryTest extends DeskIntegrationTest {

    @Test
    void theDesksRoleCanAddEvidenceAndLogbookEntriesButNeverChangeThem() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(TestServers.DESK_ROLE);
        newCase(uniqueAddress("bukti"), "Laporan yang buktinya hendak diubah");
        for (String attempt : new String[] {
            "UPDATE logbook SET detail = 'rewritten'",
            "DELETE FROM logbook",
            "UPDATE message SET body_text = 'rewritten'",
            "DELETE FROM attachment",
            "UPDATE attachment SET content = ''::bytea",
            "ALTER TABLE logbook DISABLE TRIGGER logbook_no_update_or_delete",
            "ALTER TABLE message DISABLE TRIGGER message_written_once",
            "INSERT INTO logbook_seal (entry_id, prev_hash, hash) VALUES (1, 'x', 'y')",
            "UPDATE logbook_chain SET last_hash = 'forged'",
            "DELETE FROM non_participant_message",
            "DROP TABLE logbook_seal",
            // the sealing function runs in the owner's name: never on rows of a table the desk's role made
            "CREATE TEMP TABLE forged_entry (LIKE logbook); CREATE TRIGGER forge AFTER INSERT ON forged_entry"
                    + " FOR EACH ROW EXECUTE FUNCTION logbook_seal_entry()",
        }) {
            assertThatThrownBy(() -> jdbc.execute(attempt)).as(attempt).isInstanceOf(DataAccessException.class)
                    .rootCause().message().containsAnyOf("permission denied", "must be owner");
        }
        jdbc.update("INSERT INTO logbook (at, actor, event, detail) VALUES (now(), 'test', 'TEST_ENTRY', 'added')");
        assertThat(count("SELECT count(*) FROM logbook WHERE event = 'TEST_ENTRY' AND detail = 'added'")).isEqualTo(1);
    }

    @Test
    void theLogbookIsSealedAndARewrittenOrSlippedInEntryShows() {
        newCase(uniqueAddress("rantai"), "Laporan untuk rantai logbook");
        JsonNode intact = verify();
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("sealed").asLong()).isEqualTo(intact.path("entries").asLong()).isPositive();

        // the owner, with more rights than the desk, rewrites an entry: the chain shows where
        JdbcTemplate owner = TestServers.ownerJdbc();
        long entry = jdbc.queryForObject("SELECT max(id) FROM logbook WHERE event = 'TICKET_CREATED'", Long.class);
        String original = jdbc.queryForObject("SELECT detail FROM logbook WHERE id = ?", String.class, entry);
        owner.execute("ALTER TABLE logbook DISABLE TRIGGER logbook_no_update_or_delete");
        try {
            owner.update("UPDATE logbook SET detail = 'nothing happened' WHERE id = ?", entry);
            JsonNode broken = verify();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenEntry").asLong()).isEqualTo(entry);
            assertThat(broken.path("problem").asText()).contains("not what was sealed");
        } finally {
            owner.update("UPDATE logbook SET detail = ? WHERE id = ?", original, entry);
            owner.execute("ALTER TABLE logbook ENABLE TRIGGER logbook_no_update_or_delete");
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();

        // an entry written past the chain (its seal trigger off) shows too
        owner.execute("ALTER TABLE logbook DISABLE TRIGGER logbook_sealed");
        long slipped;
        try {
            slipped = owner.queryForObject("INSERT INTO logbook (at, actor, event, detail)"
                    + " VALUES (now(), 'owner', 'TEST_ENTRY', 'slipped in') RETURNING id", Long.class);
        } finally {
            owner.execute("ALTER TABLE logbook ENABLE TRIGGER logbook_sealed");
        }
        JsonNode unsealed = verify();
        assertThat(unsealed.path("intact").asBoolean()).isFalse();
        assertThat(unsealed.path("firstBrokenEntry").asLong()).isEqualTo(slipped);
        owner.execute("ALTER TABLE logbook DISABLE TRIGGER logbook_no_update_or_delete");
        try {
            owner.update("DELETE FROM logbook WHERE id = ?", slipped);
        } finally {
            owner.execute("ALTER TABLE logbook ENABLE TRIGGER logbook_no_update_or_delete");
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void anEntrySlippedInWhileTheDeskWritesIsNotSealedByTheDesksCommit() throws Exception {
        // a commit seals its own entries and no others: an entry committed meanwhile without a seal
        // (written with the triggers off) stays unsealed for the check to find
        JdbcTemplate owner = TestServers.ownerJdbc();
        long slipped;
        try (Connection desk = jdbc.getDataSource().getConnection()) {
            desk.setAutoCommit(false);
            long first = entry(desk, "before");
            slipped = withoutTriggers(owner, () -> owner.queryForObject("INSERT INTO logbook (at, actor, event, detail)"
                    + " VALUES (now(), 'owner', 'TEST_ENTRY', 'slipped in meanwhile') RETURNING id", Long.class));
            long last = entry(desk, "after");
            desk.commit();
            assertThat(first).isLessThan(slipped);
            assertThat(slipped).isLessThan(last);
            assertThat(jdbc.queryForList("SELECT entry_id FROM logbook_seal WHERE entry_id IN (?, ?, ?) ORDER BY seq",
                    Long.class, first, slipped, last)).containsExactly(first, last);
        }
        JsonNode unsealed = verify();
        assertThat(unsealed.path("intact").asBoolean()).as(unsealed.toString()).isFalse();
        assertThat(unsealed.path("firstBrokenEntry").asLong()).isEqualTo(slipped);
        withoutTriggers(owner, () -> owner.update("DELETE FROM logbook WHERE id = ?", slipped));
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    /** As the owner on its one connection, with no trigger firing (replication mode): no table lock taken. */
    private static <T> T withoutTriggers(JdbcTemplate owner, java.util.function.Supplier<T> work) {
        owner.execute("SET session_replication_role = replica");
        try {
            return work.get();
        } finally {
            owner.execute("SET session_replication_role = origin");
        }
    }

    @Test
    void transactionsCommittingAtOnceAndEntriesInSavepointsLeaveOneUnbrokenChain() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                done.add(writers.submit(() -> {
                    try (Connection desk = jdbc.getDataSource().getConnection()) {
                        desk.setAutoCommit(false);
                        for (int t = 0; t < 25; t++) {
                            entry(desk, "at once " + t);
                            entry(desk, "at once " + t);
                            entry(desk, "at once " + t);
                            desk.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        try (Connection desk = jdbc.getDataSource().getConnection()) {
            desk.setAutoCommit(false);
            long before = entry(desk, "before the savepoint");
            Savepoint savepoint = desk.setSavepoint();
            long inSavepoint = entry(desk, "in a savepoint released");
            desk.releaseSavepoint(savepoint);
            Savepoint undoneSavepoint = desk.setSavepoint();
            long undone = entry(desk, "in a savepoint rolled back");
            desk.rollback(undoneSavepoint);
            long kept = entry(desk, "after the savepoints");
            desk.commit();
            assertThat(jdbc.queryForList("SELECT entry_id FROM logbook_seal WHERE entry_id IN (?, ?, ?, ?)",
                    Long.class, before, inSavepoint, undone, kept)).containsExactlyInAnyOrder(before, inSavepoint, kept);
        }
        JsonNode chain = verify();
        assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.path("sealed").asLong()).isEqualTo(chain.path("entries").asLong());
    }

    @Test
    void aCommitSealsItsEntriesTogetherAndMovesTheChainOnce() throws Exception {
        List<Long> written = new ArrayList<>();
        try (Connection desk = jdbc.getDataSource().getConnection(); Statement sql = desk.createStatement()) {
            desk.setAutoCommit(false);
            // the connection's own counts (its earlier transactions' too, until they are reported):
            // what this transaction adds is the difference
            long[] before = chainMovesAndSeals(sql);
            for (int i = 0; i < 3; i++) {
                written.add(entry(desk, "together " + i));
            }
            // the seals fall due at commit; made due now, so that this transaction's counts show them
            sql.execute("SET CONSTRAINTS logbook_sealed IMMEDIATE");
            long[] after = chainMovesAndSeals(sql);
            assertThat(after[0] - before[0]).as("the chain's head moved once for three entries").isEqualTo(1);
            assertThat(after[1] - before[1]).as("a seal for each entry").isEqualTo(3);
            desk.commit();
        }
        assertThat(jdbc.queryForList("SELECT entry_id FROM logbook_seal WHERE entry_id IN (?, ?, ?) ORDER BY seq",
                Long.class, written.toArray())).containsExactlyElementsOf(written);
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    /** Updates of the chain's head and seals written, as this connection has counted them so far. */
    private static long[] chainMovesAndSeals(Statement sql) throws Exception {
        try (ResultSet counts = sql.executeQuery("""
                SELECT (SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'logbook_chain'),
                       (SELECT n_tup_ins FROM pg_stat_xact_user_tables WHERE relname = 'logbook_seal')
                """)) {
            counts.next();
            return new long[] {counts.getLong(1), counts.getLong(2)};
        }
    }

    @Test
    void anEntryFarBeyondItsTransactionsFirstIsSealedAllTheSame() throws Exception {
        // the commit's sweep looks a bounded way past the first entry (a plan that stays an
        // index walk); an entry of the same transaction further on seals itself as its seal falls due
        JdbcTemplate owner = TestServers.ownerJdbc();
        long first;
        long far;
        try (Connection desk = jdbc.getDataSource().getConnection()) {
            desk.setAutoCommit(false);
            first = entry(desk, "first of a long transaction");
            owner.queryForObject("SELECT setval(pg_get_serial_sequence('logbook', 'id'),"
                    + " (SELECT max(id) FROM logbook) + 50000)", Long.class);
            far = entry(desk, "far past the sweep's reach");
            desk.commit();
        }
        assertThat(far - first).isGreaterThan(10_000);
        assertThat(jdbc.queryForList("SELECT entry_id FROM logbook_seal WHERE entry_id IN (?, ?) ORDER BY seq",
                Long.class, first, far)).containsExactly(first, far);
        JsonNode chain = verify();
        assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.path("sealed").asLong()).isEqualTo(chain.path("entries").asLong());
    }

    private static long entry(Connection desk, String detail) throws Exception {
        try (PreparedStatement insert = desk.prepareStatement("INSERT INTO logbook (at, actor, event, detail)"
                + " VALUES (now(), 'test', 'TEST_ENTRY', ?) RETURNING id")) {
            insert.setString(1, detail);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private JsonNode verify() {
        return http.getForObject("/api/logbook/verify", JsonNode.class);
    }
}
