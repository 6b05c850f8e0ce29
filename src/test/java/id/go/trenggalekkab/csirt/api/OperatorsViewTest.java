package id.go.trenggalekkab.csirt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What an operator points their tools at: metrics, liveness and readiness, the API's
 * description, errors. (Spring Boot switches metrics export off in tests; the shared test
 * context turns Prometheus back on, as a deployment has it.)
 */
class OperatorsViewTest extends DeskIntegrationTest {

    @Test
    void metricsForPrometheusIncludeTheDesksStateAndTheRoutes() {
        newCase(id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress("metrik"), "Laporan untuk metrik");
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("csirt_cases_open{step=\"VERIFICATION\"}").contains("csirt_steps_overdue")
                .contains("csirt_sla_met_share{step=\"VERIFICATION\"}").contains("csirt_outbox_pending")
                .contains("csirt_outbox_failed").contains("csirt_outbox_oldest_pending_seconds")
                .contains("csirt_quarantine_messages").contains("routeId=\"take-in\"")
                .contains("csirt_intake_filed_total").contains("csirt_intake_lease_held");
    }

    @Test
    void livenessAndReadinessAreSeparate() {
        JsonNode readiness = http.getForObject("/actuator/health/readiness", JsonNode.class);
        assertThat(readiness.path("components").has("outbox")).isTrue();
        assertThat(readiness.path("components").has("instances")).isTrue();
        JsonNode liveness = http.getForObject("/actuator/health/liveness", JsonNode.class);
        assertThat(liveness.path("status").asText()).isEqualTo("UP");
        assertThat(liveness.path("components").has("db")).as("a database away does not make the process dead").isFalse();
    }

    @Test
    void theApiIsDescribedAsOpenApiAndErrorsAreProblemDetails() {
        JsonNode description = http.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(description.path("paths").has("/api/tickets/{number}")).isTrue();
        assertThat(description.path("paths").has("/api/quarantine/{id}/replay")).isTrue();

        ResponseEntity<JsonNode> unknown = http.getForEntity("/api/tickets/TTIS-1999-99999", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody().path("detail").asText()).contains("TTIS-1999-99999");
        ResponseEntity<JsonNode> badFilter = http.getForEntity("/api/tickets?status=NOT_A_STEP", JsonNode.class);
        assertThat(badFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFilter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
