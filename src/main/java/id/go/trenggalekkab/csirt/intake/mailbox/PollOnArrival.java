package id.go.trenggalekkab.csirt.intake.mailbox;

import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.ImapSessions;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When the mailbox-intake route polls: at once when new mail arrives (the server says so
 * over IMAP IDLE, {@link InboxWatcher}), otherwise after the route's poll delay, as
 * Camel's own scheduler would. A flood is then taken in from its first message instead
 * of after up to a poll delay (5 s as shipped: a quarter of a 1,000-report flood's time
 * was spent waiting for the first poll), while a quiet mailbox is still asked only once
 * per delay. Camel's greedy polling is untouched: the consumer's poll repeats at once
 * while polls take mail in.
 *
 * <p>Named by the route ({@code scheduler: "#pollOnArrival"}); runs only while the route
 * does, so a standby desk (the intake lease elsewhere) keeps no IDLE connection.
 */
@Component("pollOnArrival")
public class PollOnArrival implements ScheduledPollConsumerScheduler {

    private static final Logger log = LoggerFactory.getLogger(PollOnArrival.class);
    /** Before the first poll: the rest of the application finishes starting. */
    private static final long INITIAL_DELAY_MS = 1000;

    private final CsirtProperties.Imap imap;
    private final ImapSessions sessions;
    private final Object signal = new Object();
    private CamelContext camelContext;
    private volatile ScheduledPollConsumer consumer;
    private volatile Runnable task;
    private Thread poller;
    private InboxWatcher watcher;
    private boolean arrived;
    private volatile boolean running;

    public PollOnArrival(CsirtProperties properties, ImapSessions sessions) {
        this.imap = properties.imap();
        this.sessions = sessions;
    }

    /** New mail is waiting: the next poll starts now (or right after the one running). */
    public void mailArrived() {
        synchronized (signal) {
            arrived = true;
            signal.notifyAll();
        }
    }

    @Override
    public void onInit(Consumer consumer) {
        if (!(consumer instanceof ScheduledPollConsumer scheduled)) {
            throw new IllegalArgumentException("pollOnArrival schedules polling consumers, not " + consumer);
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
        poller = new Thread(this::pollLoop, "mailbox-intake-poll");
        poller.setDaemon(true);
        poller.start();
        watcher = InboxWatcher.start(sessions, imap, this::mailArrived, consumer.getDelay());
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
        if (watcher != null) {
            watcher.stop();
            watcher = null;
        }
        // as Camel's own scheduler cancels its future: a poll in progress is interrupted
        poller.interrupt();
        poller = null;
    }

    private void pollLoop() {
        long wait = INITIAL_DELAY_MS;
        while (running) {
            synchronized (signal) {
                long until = System.currentTimeMillis() + wait;
                try {
                    while (!arrived && running && System.currentTimeMillis() < until) {
                        signal.wait(Math.max(1, until - System.currentTimeMillis()));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                arrived = false;
            }
            if (!running) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // Camel's run() handles its own failures; this is a last guard so the loop lives on
                log.warn("mailbox poll failed outside Camel's handling: {}", e.toString());
            }
            wait = consumer.getDelay();
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
