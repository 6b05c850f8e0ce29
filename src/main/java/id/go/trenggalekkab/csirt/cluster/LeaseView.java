package id.go.trenggalekkab.csirt.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * One lease as Camel sees it: this instance leads while it holds the lease. Every
 * {@code renewEvery} the holder renews it and the others try to take it, which succeeds
 * once it has expired: a holder that died (SIGKILL, power, network) is replaced within
 * {@code leaseTtl} plus one attempt.
 *
 * <p>The holder gives up leading on its own clock, before the lease can expire for the
 * others: it leads only until {@code leaseTtl - renewEvery} after the start of its last
 * successful renewal. A holder that cannot reach the database therefore stops its intake
 * before anyone else may start one. Should a stalled holder and its successor still
 * overlap for a moment, nothing is taken in twice: the intake locks each message by its
 * SHA-256 and Message-ID inside its transaction, so the lease keeps the instances from
 * doing the work twice, not from doing it wrong.
 */
final class LeaseView extends AbstractCamelClusterView {

    private static final Logger log = LoggerFactory.getLogger(LeaseView.class);

    private final LeaseRepository leases;
    private final DeskInstance instance;
    private final Duration ttl;
    private final Duration renewEvery;
    private final LocalMember local = new LocalMember();
    private ScheduledExecutorService timer;
    private ExecutorService events;
    private boolean leading;
    private long leadingUntilNanos;
    private boolean databaseUnreachable;

    LeaseView(LeaseClusterService service, String namespace, LeaseRepository leases, DeskInstance instance,
              ClusterProperties properties) {
        super(service, namespace);
        this.leases = leases;
        this.instance = instance;
        this.ttl = properties.leaseTtl();
        this.renewEvery = properties.renewEvery();
    }

    @Override
    protected void doStart() {
        timer = Executors.newScheduledThreadPool(2, daemon("lease-" + getNamespace()));
        // leadership changes start and stop routes, which may take a while: never on the lease's own thread
        events = Executors.newSingleThreadExecutor(daemon("lease-events-" + getNamespace()));
        timer.scheduleWithFixedDelay(this::renewOrTake, 0, renewEvery.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::stepDownWhenOverdue, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        timer.shutdownNow();
        boolean wasLeading;
        synchronized (this) {
            wasLeading = leading;
            leading = false;
        }
        if (wasLeading) {
            fireLeadershipChangedEvent(Optional.empty());
            try {
                leases.release(getNamespace(), instance.token());
                log.info("Lease {} released by {}", getNamespace(), instance.name());
            } catch (DataAccessException e) {
                log.warn("Lease {} not released ({}); another instance takes it when it expires", getNamespace(),
                        e.getMessage());
            }
        }
        events.shutdown();
    }

    private void renewOrTake() {
        long attemptStarted = System.nanoTime();
        try {
            leases.heartbeat(instance);
            boolean held = leases.acquireOrRenew(getNamespace(), instance.token(), instance.name(), ttl);
            if (databaseUnreachable) {
                databaseUnreachable = false;
                log.info("Lease {}: database reachable again", getNamespace());
            }
            synchronized (this) {
                if (held) {
                    leadingUntilNanos = attemptStarted + ttl.minus(renewEvery).toNanos();
                    if (!leading) {
                        leading = true;
                        log.info("Lease {} taken by {}: this instance now does its work", getNamespace(), instance.name());
                        fire();
                    }
                } else if (leading) {
                    leading = false;
                    log.warn("Lease {} is held by another instance: {} stops its work", getNamespace(), instance.name());
                    fire();
                }
            }
        } catch (RuntimeException e) {
            // the database unreachable or slow (DataAccessException), or anything else: the scheduler must keep running
            if (!databaseUnreachable) {
                databaseUnreachable = true;
                log.warn("Lease {} could not be renewed or taken ({}); retrying every {}", getNamespace(),
                        e.getMessage(), renewEvery);
            }
        }
    }

    private synchronized void stepDownWhenOverdue() {
        if (leading && System.nanoTime() - leadingUntilNanos > 0) {
            leading = false;
            log.warn("Lease {} not renewed in time: {} stops its work before the lease can pass to another instance",
                    getNamespace(), instance.name());
            fire();
        }
    }

    /** Called with the view locked: the event goes out in order on its own thread. */
    private void fire() {
        boolean nowLeading = leading;
        events.execute(() -> fireLeadershipChangedEvent(nowLeading ? Optional.of(local) : Optional.empty()));
    }

    synchronized boolean leading() {
        return leading;
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return leading() ? Optional.of(local) : Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        return List.of(local);
    }

    private final class LocalMember implements CamelClusterMember {
        @Override
        public boolean isLeader() {
            return leading();
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String getId() {
            return instance.name();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
