package id.go.trenggalekkab.csirt.logbook;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The logbook's hash chain, checked: every entry has its seal, in the order the entries
 * committed; each seal's hash covers the entry and the seal before it (recomputed here by
 * the database's own {@code logbook_entry_hash}); and the chain's head is the last seal. An
 * entry rewritten, removed or slipped in past the seals breaks it, and the first break is
 * named. The seals are written by the database at commit, in the owner's name.
 */
@Component
public class LogbookChain {

    /** A chain that starts nowhere: the previous hash of the first seal. */
    static final String GENESIS = "0".repeat(64);

    private final NamedParameterJdbcTemplate jdbc;

    LogbookChain(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param firstBrokenEntry the logbook entry at the first break, or null
     * @param problem          what is wrong there, or null where the chain is intact
     * @param head             the hash of the last seal: what a printed report can quote
     */
    public record Verification(long entries, long sealed, boolean intact, Long firstBrokenEntry, String problem,
                               String head) {}

    /** One snapshot of the chain: entries committing meanwhile are neither half seen nor mistaken for breaks. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify() {
        long entries = jdbc.queryForObject("SELECT count(*) FROM logbook", new MapSqlParameterSource(), Long.class);
        Walk walk = new Walk();
        jdbc.query("""
                SELECT s.entry_id, s.prev_hash, s.hash, l.id IS NULL AS missing,
                       logbook_entry_hash(s.prev_hash, l) AS recomputed
                  FROM logbook_seal s LEFT JOIN logbook l ON l.id = s.entry_id
                 ORDER BY s.seq
                """, new MapSqlParameterSource(), rs -> {
            walk.seal(rs.getLong("entry_id"), rs.getString("prev_hash"), rs.getString("hash"), rs.getBoolean("missing"),
                    rs.getString("recomputed"));
        });
        if (walk.problem == null) {
            Long unsealed = jdbc.queryForObject("""
                    SELECT min(l.id) FROM logbook l WHERE NOT EXISTS (SELECT 1 FROM logbook_seal s WHERE s.entry_id = l.id)
                    """, new MapSqlParameterSource(), Long.class);
            if (unsealed != null) {
                walk.broken(unsealed, "an entry without a seal: written past the chain");
            }
        }
        if (walk.problem == null) {
            String head = jdbc.queryForObject("SELECT last_hash FROM logbook_chain", new MapSqlParameterSource(),
                    String.class);
            if (!head.equals(walk.previous)) {
                walk.broken(null, "the chain's head is not its last seal");
            }
        }
        return new Verification(entries, walk.sealed, walk.problem == null, walk.brokenAt, walk.problem, walk.previous);
    }

    private static final class Walk {
        private String previous = GENESIS;
        private long sealed;
        private Long brokenAt;
        private String problem;

        void seal(long entry, String prevHash, String hash, boolean missing, String recomputed) {
            sealed++;
            if (problem != null) {
                return;
            }
            if (missing) {
                broken(entry, "a sealed entry is gone");
            } else if (!prevHash.equals(previous)) {
                broken(entry, "a seal does not follow the one before it");
            } else if (!hash.equals(recomputed)) {
                broken(entry, "the entry is not what was sealed");
            }
            previous = hash;
        }

        void broken(Long entry, String what) {
            brokenAt = entry;
            problem = what;
        }
    }
}
