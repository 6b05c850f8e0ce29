package id.go.trenggalekkab.csirt.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler behind the intake (woken by IMAP IDLE) and the outbox (woken by commits):
 * a wake polls at once, wakes during a poll start one more poll and no more, and a poll
 * that runs on past its route's stop does not go on polling beside the loop a restart began
 * (the intake lease lost and won back while a long poll ran: two polls at once would read
 * the same mail twice).
 */
class PollNowOrAfterDelayTest {

    private static final String NAME = "poll-now-test";

    private CamelContext camel;
    private PollNowOrAfterDelay scheduler;

    @BeforeEach
    void aRouteThatWouldWaitAnHourBetweenPolls() throws Exception {
        camel = new DefaultCamelContext();
        camel.start();
        scheduler = new PollNowOrAfterDelay(NAME, 0);
        scheduler.onInit((ScheduledPollConsumer) camel.getEndpoint("scheduler:test?delay=3600000")
                .createConsumer(exchange -> { }));
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.unscheduleTask();
        camel.close();
    }

    @Test
    void aWakePollsAtOnceAndWakesDuringAPollStartOneMore() {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstMayEnd = wokenIntoAFirstPollThatBlocks(runs);
        for (int i = 0; i < 5; i++) {
            scheduler.wake();
        }
        firstMayEnd.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertThat(runs.get()).as("five wakes during one poll: one more poll").isEqualTo(2);
    }

    @Test
    void aPollRunningOnPastAStopDoesNotKeepPollingAfterARestart() {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstMayEnd = wokenIntoAFirstPollThatBlocks(runs);

        scheduler.unscheduleTask();
        scheduler.startScheduler();
        scheduler.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        firstMayEnd.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> pollingThreads() == 1);
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertThat(pollingThreads()).as("one polling loop after the restart").isEqualTo(1);
    }

    /**
     * The scheduler started and woken; its first poll runs and blocks until the returned latch
     * is counted down, ignoring the interrupt a stop sends, as a blocked socket read would.
     */
    private CountDownLatch wokenIntoAFirstPollThatBlocks(AtomicInteger runs) {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        scheduler.scheduleTask(() -> {
            if (runs.incrementAndGet() == 1) {
                awaitIgnoringInterrupts(firstMayEnd);
            }
        });
        scheduler.startScheduler();
        scheduler.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
        return firstMayEnd;
    }

    private static long pollingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(NAME) && t.isAlive()).count();
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException ignored) {
                // as a blocked socket read would
            }
        }
    }
}
