package id.go.trenggalekkab.csirt.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The timers' scheduler is started by the desk's own start, once, and by nothing else.
 * camel-quartz starts it from every route that starts after the context has, on that route's
 * thread (the intake's lease thread, say), and two such starts at once left a desk unable to
 * start. The race itself is a matter of milliseconds and not reproduced here; what it needs,
 * camel-quartz allowed to start the scheduler, is what this refuses.
 */
class TimersStartOnceTest extends DeskIntegrationTest {

    @Autowired
    Scheduler scheduler;

    @Autowired
    CamelContext camel;

    @Test
    void theTimersAreStartedByTheDesksStartAloneNotByRoutesStartingLater() throws Exception {
        assertThat(scheduler.isStarted()).as("started with the desk").isTrue();
        assertThat(scheduler.isInStandbyMode()).isFalse();
        assertThat(camel.getComponent("quartz", QuartzComponent.class).isAutoStartScheduler())
                .as("camel-quartz, which would start the scheduler from any route's start, may not").isFalse();
        assertThat(camel.getComponent("quartz", QuartzComponent.class).getScheduler())
                .as("the scheduler camel-quartz fires the timers' routes from is the one started").isSameAs(scheduler);
    }
}
