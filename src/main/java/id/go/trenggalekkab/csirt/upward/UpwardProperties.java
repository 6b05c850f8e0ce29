package id.go.trenggalekkab.csirt.upward;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The report upward's settings ({@code csirt.upward.*}); the systems marked vital
 * ({@code csirt.upward.vital-systems}) are read where indicators are, by {@code VitalSystems}.
 *
 * @param vitalDeadline   how long after the report an incident on a vital system must be reported: 1×24 hours
 * @param reminderBefore  the officers' reminder comes this long before that deadline; the supervisors' escalation at it
 * @param contact         the organisation's contact as the report names it (unit, telephone); the desk's name and address always
 * @param includeReporter whether the report names the reporter and carries their words unredacted (UU 27/2022: off)
 */
@Validated
@ConfigurationProperties(prefix = "csirt.upward")
public record UpwardProperties(
        @NotNull Duration vitalDeadline,
        @NotNull Duration reminderBefore,
        String contact,
        boolean includeReporter) {}
