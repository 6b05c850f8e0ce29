package id.go.trenggalekkab.csirt.directory;

import id.go.trenggalekkab.csirt.sop.Role;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * GET /actuator/health, component "directory": DOWN while no officer is in the directory,
 * since then nobody may verify a report (a missing or refused file at first start).
 */
// the bean "directory" is the directory itself; the health component is still named "directory"
@Component("directoryHealthIndicator")
class DirectoryHealthIndicator extends AbstractHealthIndicator {

    private final Directory directory;

    DirectoryHealthIndicator(Directory directory) {
        super("directory health check failed");
        this.directory = directory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        int officers = directory.withRole(Role.OFFICER).size();
        int supervisors = directory.withRole(Role.SUPERVISOR).size();
        (officers == 0 ? builder.down().withDetail("problem", "no officer in the directory: nobody may verify a report")
                : builder.up())
                .withDetail("file", directory.source())
                .withDetail("officers", officers)
                .withDetail("supervisors", supervisors);
    }
}
