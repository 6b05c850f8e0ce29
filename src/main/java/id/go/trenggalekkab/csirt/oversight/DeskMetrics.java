package id.go.trenggalekkab.csirt.oversight;

import id.go.trenggalekkab.csirt.outbound.OutboxRepository;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The desk's state as metrics (GET /actuator/prometheus), read from the database when
 * scraped, so every instance reports the same desk: open cases per step, overdue steps,
 * the SLA's met share per step over the last seven days, quarantined mail, and the outbox
 * (pending, failed, the oldest pending's age). Mail taken in and filed is counted by the
 * intake itself ({@code csirt.intake.filed}); the routes' own figures come from Camel.
 */
@Component
class DeskMetrics implements MeterBinder {

    private final NamedParameterJdbcTemplate jdbc;
    private final OutboxRepository outbox;

    DeskMetrics(NamedParameterJdbcTemplate jdbc, OutboxRepository outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (CaseStep step : CaseStep.values()) {
            if (step.isFinished()) {
                continue;
            }
            Gauge.builder("csirt.cases.open", () -> count("SELECT count(*) FROM ticket WHERE status = :step",
                    Map.of("step", step.name()))).tag("step", step.name())
                    .description("Cases in this step now").register(registry);
            if (step.isOpen()) {
                Gauge.builder("csirt.sla.met.share", () -> metShare(step)).tag("step", step.name())
                        .description("Of this step's visits completed in the last 7 days, the share within its time standard")
                        .register(registry);
            }
        }
        Gauge.builder("csirt.steps.overdue", () -> count(
                "SELECT count(*) FROM case_step WHERE left_at IS NULL AND deadline < now()", Map.of()))
                .description("Steps past their time standard now").register(registry);
        Gauge.builder("csirt.quarantine.messages", () -> count("SELECT count(*) FROM quarantine", Map.of()))
                .description("Messages in quarantine, ever").register(registry);
        // the outbox's own account of its backlog, as its health check reads it
        Gauge.builder("csirt.outbox.pending", () -> outbox.backlog().pending())
                .description("Mail waiting to be sent").register(registry);
        Gauge.builder("csirt.outbox.failed", () -> outbox.backlog().failed())
                .description("Mail given up after its retries").register(registry);
        Gauge.builder("csirt.outbox.oldest.pending.seconds", () -> outbox.backlog().oldestSeconds())
                .description("How long the oldest waiting mail has waited").register(registry);
    }

    private double metShare(CaseStep step) {
        return number("""
                SELECT coalesce(avg(CASE WHEN outcome = 'MET' THEN 1.0 ELSE 0.0 END), 1.0) FROM case_step
                 WHERE step = :step AND outcome IS NOT NULL AND left_at > now() - interval '7 days'
                """, Map.of("step", step.name()));
    }

    private double count(String sql, Map<String, ?> parameters) {
        Long n = jdbc.queryForObject(sql, new MapSqlParameterSource(new HashMap<>(parameters)), Long.class);
        return n == null ? 0 : n;
    }

    private double number(String sql, Map<String, ?> parameters) {
        Double n = jdbc.queryForObject(sql, new MapSqlParameterSource(new HashMap<>(parameters)), Double.class);
        return n == null ? 0 : n;
    }
}
