package id.go.trenggalekkab.csirt.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lease cluster service, started and stopped with the CamelContext, and the route
 * policies the routes name: {@code intakeLease} runs the mailbox-intake route on the
 * lease holder only.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /** The lease behind the mailbox-intake route. */
    static final String INTAKE_LEASE = "mailbox-intake";

    @Bean
    LeaseClusterService leaseClusterService(LeaseRepository leases, DeskInstance instance, ClusterProperties properties) {
        return new LeaseClusterService(leases, instance, properties);
    }

    @Bean
    CamelContextConfiguration leasesStartWithCamel(LeaseClusterService leases) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                try {
                    if (!camelContext.hasService(leases)) {
                        camelContext.addService(leases, true, true);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("the lease cluster service did not start", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing: the routes under lease start when their lease is taken
            }
        };
    }

    @Bean
    ClusteredRoutePolicy intakeLease(LeaseClusterService leases, CamelContext camelContext) throws Exception {
        ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(leases, INTAKE_LEASE);
        policy.setCamelContext(camelContext);
        return policy;
    }

    /** csirt.intake.lease.held: 1 on the instance that holds the intake, 0 on a standby (GET /actuator/metrics/…). */
    @Bean
    MeterBinder intakeLeaseMetrics(LeaseClusterService leases, DeskInstance instance) {
        return registry -> Gauge.builder("csirt.intake.lease.held", leases, l -> l.isLeader(INTAKE_LEASE) ? 1 : 0)
                .description("Whether this instance holds the intake lease and reads the mailbox")
                .tag("instance", instance.name())
                .register(registry);
    }
}
