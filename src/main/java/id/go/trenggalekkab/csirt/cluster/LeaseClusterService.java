package id.go.trenggalekkab.csirt.cluster;

import org.apache.camel.support.cluster.AbstractCamelClusterService;

/**
 * Camel's cluster service over PostgreSQL leases: a route under
 * {@code ClusteredRoutePolicy} runs on the instance whose view of its namespace leads, that
 * is, holds the lease of that name. The desk's database is the one thing all instances
 * already share, so no coordinator (ZooKeeper, Consul, Kubernetes) is needed beside it.
 */
public class LeaseClusterService extends AbstractCamelClusterService<LeaseView> {

    private final LeaseRepository leases;
    private final DeskInstance instance;
    private final ClusterProperties properties;

    LeaseClusterService(LeaseRepository leases, DeskInstance instance, ClusterProperties properties) {
        super(instance.name());
        this.leases = leases;
        this.instance = instance;
        this.properties = properties;
    }

    @Override
    protected LeaseView createView(String namespace) {
        return new LeaseView(this, namespace, leases, instance, properties);
    }
}
