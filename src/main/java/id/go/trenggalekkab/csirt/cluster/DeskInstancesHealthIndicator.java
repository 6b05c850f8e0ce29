package id.go.trenggalekkab.csirt.cluster;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Which instance holds what (GET /actuator/health, component "instances"): this
 * instance's name, the intake lease's holder and until when, and every instance heard
 * from lately. A standby instance is healthy: it waits to take over. Nobody reading the
 * mailbox is not: DOWN where no instance holds the intake lease, or where this one holds
 * it and its mailbox-intake route is not running.
 */
@Component("instances")
class DeskInstancesHealthIndicator extends AbstractHealthIndicator {

    private final LeaseRepository leases;
    private final DeskInstance instance;
    private final Duration heardFromWithin;
    private final CamelContext camel;

    DeskInstancesHealthIndicator(LeaseRepository leases, DeskInstance instance, ClusterProperties properties,
                                 CamelContext camel) {
        super("desk instances health check failed");
        this.leases = leases;
        this.instance = instance;
        this.camel = camel;
        this.heardFromWithin = properties.leaseTtl();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> intake = new LinkedHashMap<>();
        leases.lease(ClusterConfiguration.INTAKE_LEASE, instance.token()).ifPresentOrElse(lease -> {
            intake.put("holder", lease.current() ? lease.holderName() : null);
            intake.put("heldByThisInstance", lease.current() && lease.heldBy());
            intake.put("since", lease.acquiredAt().toString());
            intake.put("expires", lease.expiresAt().toString());
            intake.put("handovers", lease.epoch() - 1);
        }, () -> intake.put("holder", null));
        List<Map<String, Object>> members = leases.members(instance, heardFromWithin).stream()
                .map(m -> Map.<String, Object>of("name", m.name(), "host", m.host(), "startedAt", m.startedAt().toString(),
                        "lastSeen", m.lastSeen().toString(), "thisInstance", m.local()))
                .toList();
        boolean held = Boolean.TRUE.equals(intake.get("heldByThisInstance"));
        ServiceStatus route = camel.getRouteController().getRouteStatus(ClusterConfiguration.INTAKE_LEASE);
        if (intake.get("holder") == null) {
            builder.down().withDetail("problem", "no instance holds the intake lease: nobody reads the mailbox");
        } else if (held && (route == null || !route.isStarted())) {
            builder.down().withDetail("problem", "this instance holds the intake lease but its "
                    + ClusterConfiguration.INTAKE_LEASE + " route is " + (route == null ? "missing" : route));
        } else {
            builder.up();
        }
        builder.withDetail("thisInstance", instance.name())
                .withDetail("role", held ? "intake" : "standby")
                .withDetail("intake", intake)
                .withDetail("instances", members);
    }
}
