package id.go.trenggalekkab.csirt.system;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Component;

/**
 * Starts the Quartz scheduler behind the desk's timers (the SLA sweep, the digest, the daily
 * summary, the upward-report deadline) once the CamelContext and its routes have started, and
 * nowhere else: a trigger due at start (a digest missed while the desk was down) then finds the
 * route it fires into.
 *
 * <p>camel-quartz would start it itself, and again each time any route starts after the
 * context has (it listens for every route's start). The intake route starts when its lease is
 * taken, on the lease's own thread: at the instant the context's start also reached the
 * scheduler, both started it, and Quartz's start is not safe against that. Seen once in a
 * benchmark: the desk did not start ({@code IllegalThreadStateException} from Quartz's cluster
 * manager, started twice). So camel-quartz is told not to ({@code auto-start-scheduler: false}
 * in application.yml), and the one start left is this one, on the context's own thread.
 */
@Component
class TimersStartOnce implements CamelContextConfiguration {

    private final Scheduler scheduler;

    TimersStartOnce(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        try {
            camelContext.addStartupListener(new StartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                    // the routes are started; the timers wait for all of them
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted)
                        throws SchedulerException {
                    start();
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("the timers' start could not be arranged", e);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // not here: camel-spring-boot calls this on the context's started event, when the leased
        // routes may not be up yet, and logs and ignores what it throws; a scheduler that fails
        // to start must stop the desk's start, as it does from the listener above
    }

    private synchronized void start() throws SchedulerException {
        if (!scheduler.isStarted()) {
            scheduler.start();
        }
    }
}
