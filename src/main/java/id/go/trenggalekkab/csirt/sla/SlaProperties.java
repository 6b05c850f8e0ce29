package id.go.trenggalekkab.csirt.sla;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SOP's time standards as configuration ({@code csirt.sla.*}); defaults are the SOP's.
 *
 * @param clock             how every step's time counts unless {@code stepClock} says otherwise
 * @param timeStandards     per step (CaseStep name), overriding the SOP's standard
 * @param workingHours      e.g. "07:30-16:00", in WIB
 * @param escalateAfter     the first escalation comes at this multiple of the time standard
 * @param maxEscalations    escalations per step visit, one time standard apart: no mail storm
 */
@Validated
@ConfigurationProperties(prefix = "csirt.sla")
public record SlaProperties(
        @NotNull SlaClock clock,
        Map<String, SlaClock> stepClock,
        Map<String, Duration> timeStandards,
        @NotNull Set<DayOfWeek> workingDays,
        @NotNull String workingHours,
        String holidaysFile,
        @Min(1) double escalateAfter,
        @Min(0) int maxEscalations) {}
