package id.go.trenggalekkab.csirt.outbound;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * GET /actuator/health, component "outbox": DOWN while the SMTP server will not take the
 * desk's mail (unreachable, or refusing the connection's TLS or authentication), with why;
 * how much mail waits and for how long, either way. Spring's own "mail" check only connects,
 * and a server that connects but refuses every mail would pass it.
 */
@Component
class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxDispatcher dispatcher;
    private final OutboxRepository repository;

    OutboxHealthIndicator(OutboxDispatcher dispatcher, OutboxRepository repository) {
        super("outbox health check failed");
        this.dispatcher = dispatcher;
        this.repository = repository;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OutboxRepository.Backlog backlog = repository.backlog();
        dispatcher.serverProblem().ifPresentOrElse(problem -> builder.down().withDetail("problem",
                "the SMTP server does not take the desk's mail: " + problem), builder::up);
        builder.withDetail("pending", backlog.pending()).withDetail("oldestPendingSeconds", backlog.oldestSeconds());
    }
}
