package id.go.trenggalekkab.csirt.indicator;

import id.go.trenggalekkab.csirt.system.PlannedEachRun;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The indicators' SQL. */
@Repository
public class IndicatorRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate plannedEachRun;

    IndicatorRepository(NamedParameterJdbcTemplate jdbc, PlannedEachRun plannedEachRun) {
        this.jdbc = jdbc;
        this.plannedEachRun = plannedEachRun.jdbc();
    }

    /** Where an indicator was found: a message's text, a link of its HTML, an attachment, or an officer's command. */
    public enum FoundIn { TEXT, HTML_LINK, ATTACHMENT, OFFICER }

    /** One indicator on a case, as stored. */
    public record StoredIndicator(long id, IndicatorType type, String value, Mark mark, Long messageId, FoundIn foundIn,
                                  String attachmentSha256, Instant firstSeenAt, String addedBy) {

        public Indicator indicator() {
            return new Indicator(type, value, mark);
        }
    }

    /** Adds the indicators not yet on the case (a removed one is not brought back by the next mail); how many were new. */
    public int addAll(long ticketId, Long messageId, FoundIn foundIn, String attachmentSha256, List<Indicator> indicators,
               Instant at, String addedBy) {
        if (indicators.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource[] rows = indicators.stream().map(i -> new MapSqlParameterSource()
                .addValue("ticket", ticketId).addValue("type", i.type().name()).addValue("value", i.value())
                .addValue("mark", i.mark().name()).addValue("message", messageId).addValue("foundIn", foundIn.name())
                .addValue("attachment", attachmentSha256).addValue("at", Timestamp.from(at)).addValue("by", addedBy))
                .toArray(MapSqlParameterSource[]::new);
        int[] inserted = jdbc.batchUpdate("""
                INSERT INTO indicator (ticket_id, type, value, mark, message_id, found_in, attachment_sha256,
                                       first_seen_at, added_by)
                VALUES (:ticket, :type, :value, :mark, :message, :foundIn, :attachment, :at, :by)
                ON CONFLICT (ticket_id, type, value) DO NOTHING
                """, rows);
        int added = 0;
        for (int n : inserted) {
            added += Math.max(0, n);
        }
        return added;
    }

    boolean addByOfficer(long ticketId, Indicator indicator, Instant at, String officer) {
        return jdbc.update("""
                INSERT INTO indicator (ticket_id, type, value, mark, found_in, first_seen_at, added_by)
                VALUES (:ticket, :type, :value, :mark, 'OFFICER', :at, :by)
                ON CONFLICT (ticket_id, type, value) DO UPDATE SET removed_at = NULL, removed_by = NULL
                 WHERE indicator.removed_at IS NOT NULL
                """, row(ticketId, indicator, at, officer)) > 0;
    }

    boolean remove(long ticketId, Indicator indicator, Instant at, String officer) {
        return jdbc.update("""
                UPDATE indicator SET removed_at = :at, removed_by = :by
                 WHERE ticket_id = :ticket AND type = :type AND value = :value AND removed_at IS NULL
                """, row(ticketId, indicator, at, officer)) > 0;
    }

    private static MapSqlParameterSource row(long ticketId, Indicator indicator, Instant at, String by) {
        return new MapSqlParameterSource("ticket", ticketId).addValue("type", indicator.type().name())
                .addValue("value", indicator.value()).addValue("mark", indicator.mark().name())
                .addValue("at", Timestamp.from(at)).addValue("by", by);
    }

    /** The case's indicators not removed, in the order they were first seen. */
    public List<StoredIndicator> onCase(long ticketId) {
        // planned each run: a plan made on a new desk's few indicators scanned all of them per report
        return plannedEachRun.query("""
                SELECT id, type, value, mark, message_id, found_in, attachment_sha256, first_seen_at, added_by
                  FROM indicator WHERE ticket_id = :ticket AND removed_at IS NULL ORDER BY first_seen_at, id
                """, new MapSqlParameterSource("ticket", ticketId), (rs, n) -> new StoredIndicator(rs.getLong("id"),
                IndicatorType.valueOf(rs.getString("type")), rs.getString("value"), Mark.valueOf(rs.getString("mark")),
                (Long) rs.getObject("message_id"), FoundIn.valueOf(rs.getString("found_in")),
                rs.getString("attachment_sha256"), rs.getTimestamp("first_seen_at").toInstant(), rs.getString("added_by")));
    }
}
