package id.go.trenggalekkab.csirt.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How instances of the desk share work ({@code csirt.cluster.*}).
 *
 * @param instanceName the name this instance shows in health, logs and the lease table;
 *                     empty: host name and process id. Two instances may even share a name:
 *                     the lease is held by a token each process draws at start.
 * @param leaseTtl     how long a lease lasts unless renewed: a dead holder's intake is taken
 *                     over this long after its last renewal, at most
 * @param renewEvery   how often the holder renews it, and others try to take it
 */
@Validated
@ConfigurationProperties(prefix = "csirt.cluster")
public record ClusterProperties(String instanceName, Duration leaseTtl, Duration renewEvery) {

    public ClusterProperties {
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(15) : leaseTtl;
        renewEvery = renewEvery == null ? Duration.ofSeconds(3) : renewEvery;
        if (renewEvery.multipliedBy(3).compareTo(leaseTtl) > 0) {
            throw new IllegalArgumentException("csirt.cluster.renew-every (" + renewEvery
                    + ") must be at most a third of csirt.cluster.lease-ttl (" + leaseTtl
                    + "), so that a holder renews in time even when one attempt fails");
        }
    }
}
