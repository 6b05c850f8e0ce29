package id.go.trenggalekkab.csirt.web;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The web view's own SQL: the queue and its search. */
@Repository
class WebQueries {

    /** At most this many cases in one queue page: a regency's desk has far fewer open. */
    static final int QUEUE_LIMIT = 500;

    /** The queue's filters; null or false: not filtered by that. */
    record QueueFilter(CaseStep step, String priority, String mine, boolean overdue, String search) {}

    private final NamedParameterJdbcTemplate jdbc;

    WebQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The open cases matching the filters, the most urgent deadline first. The search
     * looks at ticket numbers and subjects; with {@code deep}, also at the reporter's name
     * and address and every message's text (Indonesian full-text search), which only those
     * who may see the reporter are given.
     */
    List<Long> openCases(QueueFilter filter, Instant now, boolean deep) {
        List<String> open = Arrays.stream(CaseStep.values()).filter(s -> !s.isFinished() && s != CaseStep.MERGED)
                .map(Enum::name).toList();
        String search = filter.search() == null || filter.search().isBlank() ? null : filter.search().strip();
        return jdbc.queryForList("""
                SELECT t.id FROM ticket t
                 WHERE t.status IN (:open)
                   AND (CAST(:step AS text) IS NULL OR t.status = :step)
                   AND (CAST(:priority AS text) IS NULL OR t.priority = :priority)
                   AND (CAST(:mine AS text) IS NULL OR lower(t.assignee) = :mine)
                   AND (NOT :overdue OR t.step_deadline < :now)
                   AND (CAST(:search AS text) IS NULL
                        OR t.number ILIKE :like ESCAPE '\\' OR t.subject ILIKE :like ESCAPE '\\'
                        OR (:deep AND (t.reporter_address ILIKE :like ESCAPE '\\' OR t.reporter_name ILIKE :like ESCAPE '\\'
                            OR EXISTS (SELECT 1 FROM message m WHERE m.ticket_id = t.id AND m.direction = 'IN'
                                AND to_tsvector('indonesian', coalesce(m.subject, '') || ' ' || coalesce(m.body_text, ''))
                                    @@ plainto_tsquery('indonesian', :search)))))
                 ORDER BY t.step_deadline ASC NULLS LAST, t.received_at ASC
                 LIMIT :limit
                """, new MapSqlParameterSource()
                .addValue("open", open)
                .addValue("step", filter.step() == null ? null : filter.step().name())
                .addValue("priority", filter.priority())
                .addValue("mine", filter.mine() == null ? null : filter.mine().toLowerCase(Locale.ROOT))
                .addValue("overdue", filter.overdue())
                .addValue("now", Timestamp.from(now))
                .addValue("search", search)
                .addValue("like", search == null ? null : "%" + search.replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%")
                .addValue("deep", deep)
                .addValue("limit", QUEUE_LIMIT), Long.class);
    }
}
