package id.go.trenggalekkab.csirt.indicator;

import id.go.trenggalekkab.csirt.system.PlannedEachRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
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
    private final IndicatorRepository indicators;
    private final Clock clock;
    private final Set<String> bulkDomains;

    Correlations(PlannedEachRun plannedEachRun, IndicatorRepository indicators, Clock clock,
                 @Value("${csirt.indicators.bulk-domains:}") List<String> bulkDomains) {
        this.plannedEachRun = plannedEachRun.jdbc();
        this.indicators = indicators;
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
        return sharedWith(ticketId, indicators.onCase(ticketId).stream().map(IndicatorRepository.StoredIndicator::indicator)
                .toList());
    }

    /**
     * The other cases that share one of {@code these}, indicators of the case {@code ticketId}
     * (a new report's briefing asks about those its mail brought); most recent cases first, at
     * most fifty. Marked and bulk indicators are left out before anything is read.
     */
    public List<SharedIndicator> sharedWith(long ticketId, Collection<Indicator> these) {
        record Asked(IndicatorType type, String value) {}
        Set<Asked> asked = new HashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> values = new LinkedHashSet<>();
        these.stream().filter(i -> i.mark() == Mark.NONE && !bulk(i)).forEach(i -> {
            asked.add(new Asked(i.type(), i.value()));
            types.add(i.type().name());
            values.add(i.value());
        });
        if (asked.isEmpty()) {
            return List.of();
        }
        // Two single-table reads, each planned at its run: the one joined statement they replace
        // spent 0.9 ms per report planning (the join's estimates probe the indexes' ends, where a
        // flood inserts) against 0.1 ms running, and a plan kept from a small table reads it all.
        record Elsewhere(long id, long ticketId, Indicator indicator) {}
        List<Elsewhere> elsewhere = plannedEachRun.query("""
                SELECT id, ticket_id, type, value, mark FROM indicator
                 WHERE value = ANY (:values) AND type = ANY (:types) AND removed_at IS NULL AND ticket_id <> :ticket
                """, new MapSqlParameterSource("ticket", ticketId).addValue("types", types.toArray(String[]::new))
                .addValue("values", values.toArray(String[]::new)), (rs, n) -> new Elsewhere(rs.getLong("id"),
                rs.getLong("ticket_id"), new Indicator(IndicatorType.valueOf(rs.getString("type")), rs.getString("value"),
                Mark.valueOf(rs.getString("mark"))))).stream()
                // the arrays cross types with values: keep the pairs asked about
                .filter(e -> asked.contains(new Asked(e.indicator().type(), e.indicator().value())))
                .toList();
        if (elsewhere.isEmpty()) {
            return List.of();
        }
        record Case(String number, String step, String category, String tlp, Instant receivedAt) {}
        Map<Long, Case> cases = new HashMap<>();
        plannedEachRun.query("SELECT id, number, status, category, tlp, received_at FROM ticket WHERE id = ANY (:ids)",
                new MapSqlParameterSource("ids", elsewhere.stream().map(Elsewhere::ticketId).distinct().toArray(Long[]::new)),
                (RowCallbackHandler) rs -> cases.put(rs.getLong("id"), new Case(rs.getString("number"),
                        rs.getString("status"), rs.getString("category"), rs.getString("tlp"),
                        rs.getTimestamp("received_at").toInstant())));
        Instant since = clock.instant().minus(LOOK_BACK);
        return elsewhere.stream()
                .filter(e -> cases.containsKey(e.ticketId()) && !cases.get(e.ticketId()).receivedAt().isBefore(since))
                .sorted(Comparator.comparing((Elsewhere e) -> cases.get(e.ticketId()).receivedAt()).reversed()
                        .thenComparingLong(Elsewhere::id))
                .limit(MOST)
                .map(e -> {
                    Case c = cases.get(e.ticketId());
                    return new SharedIndicator(c.number(), c.step(), c.category(), c.tlp(), e.indicator());
                }).toList();
    }

    /** Whether the indicator's host is on the bulk list (or under a name on it). */
    boolean bulk(Indicator indicator) {
        return indicator.host().filter(host -> bulkDomains.stream().anyMatch(bulk -> IndicatorExtractor.under(host, bulk)))
                .isPresent();
    }
}
