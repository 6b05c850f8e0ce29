package id.go.trenggalekkab.csirt.indicator;

import id.go.trenggalekkab.csirt.system.PlannedEachRun;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which other cases, open or closed in the last year, share an indicator with this one.
 * Only indicators worth acting on count: not private, documentation or the desk's own, and
 * not on the bulk list ({@code csirt.indicators.bulk-domains}: mail providers, URL
 * shorteners, the big platforms), where a shared value says nothing.
 */
@Component
public class Correlations {

    static final Duration LOOK_BACK = Duration.ofDays(365);
    private static final int MOST = 50;

    private final NamedParameterJdbcTemplate plannedEachRun;
    private final Clock clock;
    private final Set<String> bulkDomains;

    Correlations(PlannedEachRun plannedEachRun, Clock clock,
                 @Value("${csirt.indicators.bulk-domains:}") List<String> bulkDomains) {
        this.plannedEachRun = plannedEachRun.jdbc();
        this.clock = clock;
        this.bulkDomains = bulkDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Another case with an indicator in common: its number, step, category (null until set),
     * TLP (whoever is shown this must be allowed to see that case) and the indicator.
     */
    public record SharedIndicator(String ticket, String step, String category, String tlp, Indicator indicator) {}

    /** Most recent cases first; at most fifty. */
    public List<SharedIndicator> of(long ticketId) {
        // planned each run: a plan made on a new desk's few indicators scanned all of them per report
        return plannedEachRun.query("""
                SELECT t.number, t.status, t.category, t.tlp, i.type, i.value, i.mark
                  FROM indicator mine
                  JOIN indicator i ON i.type = mine.type AND i.value = mine.value
                                  AND i.ticket_id <> mine.ticket_id AND i.removed_at IS NULL
                  JOIN ticket t ON t.id = i.ticket_id
                 WHERE mine.ticket_id = :ticket AND mine.removed_at IS NULL AND mine.mark = 'NONE'
                   AND t.received_at >= :since
                 ORDER BY t.received_at DESC, i.id
                """, new MapSqlParameterSource("ticket", ticketId)
                .addValue("since", Timestamp.from(clock.instant().minus(LOOK_BACK))), (rs, n) -> new SharedIndicator(
                rs.getString("number"), rs.getString("status"), rs.getString("category"), rs.getString("tlp"),
                new Indicator(IndicatorType.valueOf(rs.getString("type")), rs.getString("value"), Mark.valueOf(rs.getString("mark")))))
                .stream().filter(s -> !bulk(s.indicator())).limit(MOST).toList();
    }

    /** Whether the indicator's host is on the bulk list (or under a name on it). */
    boolean bulk(Indicator indicator) {
        return indicator.host().filter(host -> bulkDomains.stream().anyMatch(bulk -> IndicatorExtractor.under(host, bulk)))
                .isPresent();
    }
}
