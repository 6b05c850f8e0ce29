package id.go.trenggalekkab.csirt.security;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestServers;
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

    private JsonNode verify() {
        return http.getForObject("/api/logbook/verify", JsonNode.class);
    }
}
