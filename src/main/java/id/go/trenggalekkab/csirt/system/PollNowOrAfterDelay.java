package id.go.trenggalekkab.csirt.system;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel scheduler for a polling route (named by the route: {@code scheduler: "#bean"})
 * that polls after the route's delay, as Camel's own scheduler does, or at once when told
 * that work arrived ({@link #wake}). A wake during a poll starts one more right after it,
 * so nothing told is missed; many wakes during one poll start only one.
 *
 * <p>Runs on a thread of its own while the route runs; a stopped route (a standby desk's
 * intake) polls nothing and is told nothing. Subclasses start and stop what wakes them
 * with the route ({@link #routeStarted}, {@link #routeStopped}).
 */
public class PollNowOrAfterDelay implements ScheduledPollConsumerScheduler {

    private static final Logger log = LoggerFactory.getLogger(PollNowOrAfterDelay.class);
    /** Before the first poll: the rest of the application finishes starting. */
    private static final long INITIAL_DELAY_MS = 1000;

    private final String name;
    private final long pauseAfterPollMs;
    private final Object signal = new Object();
    private CamelContext camelContext;
    private volatile ScheduledPollConsumer consumer;
    private volatile Runnable task;
    private volatile Thread poller;
    private boolean woken;
    private volatile boolean running;

    /**
     * @param pauseAfterPollMs how long after a poll a wake is honoured at the soonest: work
     *                         told meanwhile is taken in one poll rather than one each
     */
    public PollNowOrAfterDelay(String name, long pauseAfterPollMs) {
        this.name = name;
        this.pauseAfterPollMs = pauseAfterPollMs;
    }

    /** Work arrived: the next poll starts now, or right after the one running. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** The route's delay between polls, in milliseconds. */
    protected long delay() {
        return consumer.getDelay();
    }

    /** Called as the route starts: start what wakes this scheduler. */
    protected void routeStarted() {
    }

    /** Called as the route stops. */
    protected void routeStopped() {
    }

    @Override
    public void onInit(Consumer consumer) {
        if (!(consumer instanceof ScheduledPollConsumer scheduled)) {
            throw new IllegalArgumentException(name + " schedules polling consumers, not " + consumer);
        }
        this.consumer = scheduled;
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.task = task;
    }

    @Override
    public synchronized void startScheduler() {
        if (running) {
            return;
        }
        running = true;
        poller = new Thread(this::pollLoop, name);
        poller.setDaemon(true);
        poller.start();
        routeStarted();
    }

    @Override
    public boolean isSchedulerStarted() {
        return running;
    }

    @Override
    public synchronized void unscheduleTask() {
        if (!running) {
            return;
        }
        running = false;
        routeStopped();
        // as Camel's own scheduler cancels its future: a poll in progress is interrupted
        poller.interrupt();
        poller = null;
    }

    /** Whether this thread's loop is the scheduler's: a loop left over from before a restart is not. */
    private boolean current() {
        return running && poller == Thread.currentThread();
    }

    private void pollLoop() {
        long wait = INITIAL_DELAY_MS;
        while (current()) {
            synchronized (signal) {
                long until = System.currentTimeMillis() + wait;
                try {
                    while (!woken && current() && System.currentTimeMillis() < until) {
                        signal.wait(Math.max(1, until - System.currentTimeMillis()));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                woken = false;
            }
            // a poll that ran on past its route's stop (a lease lost and won back meanwhile) must not
            // poll again beside the loop the restart began
            if (!current()) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // Camel's run() handles its own failures; this is a last guard so the loop lives on
                log.warn("{}: a poll failed outside Camel's handling: {}", name, e.toString());
            }
            wait = Math.max(0, delay() - pauseAfterPollMs);
            if (pauseAfterPollMs > 0) {
                try {
                    Thread.sleep(pauseAfterPollMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        // started by startScheduler(), which the consumer calls
    }

    @Override
    public void stop() {
        unscheduleTask();
    }

    @Override
    public void shutdown() {
        unscheduleTask();
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
