package id.go.trenggalekkab.csirt.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.trenggalekkab.csirt.support.DeskProcess;
import id.go.trenggalekkab.csirt.support.IsolatedDesk;
import id.go.trenggalekkab.csirt.support.TestMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the desk on one mailbox and one PostgreSQL, as a desk that must not
 * miss a report runs (one per server, or a standby): a thousand reports arrive at once,
 * and every one becomes exactly one ticket with exactly one acknowledgement, whichever
 * instance takes it in, and also when the instance holding the intake is killed in the
 * middle. Measured before the intake went by UID and under a lease: of 300 reports, 14
 * were moved to Processed with no ticket at all.
 */
class ManyDesksOneMailboxTest {

    private static final int REPORTS = 1000;
    private static final Duration LEASE_TTL = Duration.ofSeconds(6);
    private static final Map<String, String> SHORT_LEASE = Map.of(
            "csirt.cluster.lease-ttl", LEASE_TTL.toSeconds() + "s",
            "csirt.cluster.renew-every", "1s");
    private static final String INTAKE_HOLDER = """
            SELECT holder_name FROM desk_lease WHERE name = 'mailbox-intake' AND expires_at > clock_timestamp()
            """;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoDesksOnOneMailboxTakeEachOfAThousandReportsInOnceAndAcknowledgeItOnce() throws Exception {
        IsolatedDesk desk = reportsWaiting("two_desks");
        try (DeskProcess a = desk.instance("desk-a", SHORT_LEASE).start();
             DeskProcess b = desk.instance("desk-b", SHORT_LEASE).start()) {
            await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    allTakenIn(desk) || !a.isAlive() || !b.isAlive());
            assertThat(a.isAlive()).as("desk-a alive (see %s)", a.log()).isTrue();
            assertThat(b.isAlive()).as("desk-b alive (see %s)", b.log()).isTrue();

            // each says which instance holds the intake, and they agree
            JsonNode healthA = instances(a);
            JsonNode healthB = instances(b);
            assertThat(Set.of(healthA.path("role").asText(), healthB.path("role").asText()))
                    .containsExactlyInAnyOrder("intake", "standby");
            String holder = desk.text(INTAKE_HOLDER);
            assertThat(healthA.path("intake").path("holder").asText()).isEqualTo(holder);
            assertThat(healthB.path("intake").path("holder").asText()).isEqualTo(holder);
            assertThat(healthA.path("instances").findValuesAsText("name")).contains("desk-a", "desk-b");
            // and so do the metrics: 1 on the holder, 0 on the standby
            DeskProcess holding = holder.equals("desk-a") ? a : b;
            DeskProcess standing = holding == a ? b : a;
            assertThat(leaseHeld(holding)).isEqualTo(1.0);
            assertThat(leaseHeld(standing)).isEqualTo(0.0);
        }

        desk.assertEveryReportOneTicketOneAcknowledgement(REPORTS, 0);
        assertThat(desk.folderCount("Processed")).isEqualTo(REPORTS);
        assertThat(desk.folderCount("Quarantine")).isZero();
        assertThat(desk.count("SELECT count(*) FROM quarantine")).isZero();
    }

    @Test
    void whenTheDeskHoldingTheIntakeIsKilledTheOtherTakesOverAndNothingIsLostOrDoubled() throws Exception {
        IsolatedDesk desk = reportsWaiting("killed_holder");
        try (DeskProcess a = desk.instance("desk-a", SHORT_LEASE).start();
             DeskProcess b = desk.instance("desk-b", SHORT_LEASE).start()) {
            await().atMost(Duration.ofMinutes(4)).until(() -> desk.tickets() >= 300 || !a.isAlive() || !b.isAlive());
            String holder = desk.text(INTAKE_HOLDER);
            DeskProcess victim = "desk-a".equals(holder) ? a : b;
            DeskProcess survivor = victim == a ? b : a;
            assertThat(survivor.isAlive()).as("the standby is up (see %s)", survivor.log()).isTrue();

            victim.kill();
            long killedAt = System.nanoTime();
            long ticketsAtKill = desk.tickets();
            assertThat(ticketsAtKill).as("killed in the middle").isLessThan(REPORTS);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> desk.tickets() > ticketsAtKill);
            System.out.printf("two desks: the standby took over the intake %.1f s after the holder was killed"
                    + " (lease %d s, renewed every 1 s)%n", (System.nanoTime() - killedAt) / 1e9, LEASE_TTL.toSeconds());

            await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> allTakenIn(desk) || !survivor.isAlive());
            assertThat(desk.text(INTAKE_HOLDER)).isNotEqualTo(holder);
            assertThat(instances(survivor).path("role").asText()).isEqualTo("intake");
            assertThat(desk.count("SELECT epoch FROM desk_lease WHERE name = 'mailbox-intake'")).isGreaterThanOrEqualTo(2);
        }

        // the killed desk may have handed one acknowledgement to SMTP whose receipt it never committed
        desk.assertEveryReportOneTicketOneAcknowledgement(REPORTS, 1);
        assertThat(desk.folderCount("Processed")).isEqualTo(REPORTS);
        assertThat(desk.folderCount("Quarantine")).isZero();
        assertThat(desk.count("SELECT count(*) FROM quarantine")).isZero();
    }

    /** A desk's database and mailbox, with a thousand reports waiting in its inbox. */
    private static IsolatedDesk reportsWaiting(String name) {
        IsolatedDesk desk = new IsolatedDesk(name).create();
        assertThat(TestMail.putInInbox(desk.mailbox, desk.reports(REPORTS))).isEmpty();
        return desk;
    }

    private static boolean allTakenIn(IsolatedDesk desk) {
        return desk.tickets() == REPORTS && desk.outboxDrained() && desk.folderCount("INBOX") == 0;
    }

    private JsonNode instances(DeskProcess desk) throws Exception {
        return json.readTree(desk.get("/actuator/health")).path("components").path("instances").path("details");
    }

    private double leaseHeld(DeskProcess desk) throws Exception {
        JsonNode metric = json.readTree(desk.get("/actuator/metrics/csirt.intake.lease.held"));
        List<JsonNode> values = metric.path("measurements").findValues("value");
        assertThat(values).as("csirt.intake.lease.held: %s", metric).hasSize(1);
        return values.get(0).asDouble();
    }
}
