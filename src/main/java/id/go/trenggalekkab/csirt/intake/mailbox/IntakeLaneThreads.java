package id.go.trenggalekkab.csirt.intake.mailbox;

import id.go.trenggalekkab.csirt.system.CsirtProperties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The threads of the intake's lanes (routes/mailbox-intake.camel.yaml): one per lane, named for the logs. */
@Configuration(proxyBeanMethods = false)
class IntakeLaneThreads {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService intakeLanes(CsirtProperties properties) {
        AtomicInteger next = new AtomicInteger();
        ThreadFactory named = work -> {
            Thread thread = new Thread(work, "intake-lane-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(properties.imap().intakeLanes(), named);
    }
}
