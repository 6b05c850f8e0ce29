package id.go.trenggalekkab.csirt.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Category;
import id.go.trenggalekkab.csirt.sop.Priority;
import id.go.trenggalekkab.csirt.sop.Tlp;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code #bagikan} against a stand-in for a MISP instance (no MISP runs here) that checks
 * what MISP's REST API needs: POST /events/add, the API key in Authorization, a JSON event
 * with its attributes; and that a case whose TLP keeps it inside sends nothing at all.
 */
class MispServerTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer misp;

    @BeforeEach
    void standIn() throws Exception {
        misp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        misp.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n"
                    + exchange.getRequestHeaders().getFirst("Authorization") + "\n"
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
            boolean ok = exchange.getRequestURI().getPath().equals("/events/add")
                    && "kunci-misp".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] answer = (ok ? "{\"Event\":{\"id\":\"17\"}}" : "{\"message\":\"Authentication failed\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 403, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        misp.start();
    }

    @AfterEach
    void stop() {
        misp.stop(0);
    }

    @Test
    void aCaseGoesToMispAsAnEventWithItsKey() throws Exception {
        MispServer server = new MispServer("http://127.0.0.1:" + misp.getAddress().getPort() + "/", "kunci-misp", json);
        MispServer.Pushed pushed = server.push(ticket(Tlp.GREEN), indicators(), "trenggalekkab.go.id");

        assertThat(pushed.sent()).isTrue();
        assertThat(pushed.detail()).isEqualTo("event 17");
        assertThat(requests).hasSize(1);
        String[] request = requests.get(0).split("\n", 4);
        assertThat(request[0]).isEqualTo("POST /events/add");
        assertThat(request[1]).isEqualTo("kunci-misp");
        assertThat(request[2]).startsWith("application/json");
        JsonNode event = json.readTree(request[3]).path("Event");
        assertThat(event.path("Attribute").findValuesAsText("value")).containsExactly("45.13.227.9", "c2-panel.xyz");
        assertThat(event.path("distribution").asText()).isEqualTo("2");
        assertThat(request[3]).doesNotContain("Siti Rahayu", "siti.rahayu@dinkes.example.org");
    }

    @Test
    void redAndAmberStrictCasesAreNeverSent() {
        MispServer server = new MispServer("http://127.0.0.1:" + misp.getAddress().getPort(), "kunci-misp", json);
        assertThat(server.push(ticket(Tlp.RED), indicators(), "trenggalekkab.go.id").sent()).isFalse();
        assertThat(server.push(ticket(Tlp.AMBER_STRICT), indicators(), "trenggalekkab.go.id").sent()).isFalse();
        assertThat(requests).as("nothing reached the MISP server").isEmpty();
    }

    @Test
    void anUnreachableMispIsWorthTryingAgain() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        MispServer away = new MispServer("http://127.0.0.1:" + port, "kunci-misp", json);
        MispServer.Pushed pushed = away.push(ticket(Tlp.AMBER), indicators(), "trenggalekkab.go.id");
        assertThat(pushed.sent()).isFalse();
        assertThat(pushed.worthRetrying()).isTrue();
        assertThat(pushed.detail()).startsWith("MISP tidak terjangkau");
    }

    @Test
    void aRefusedKeyOrNoConfigurationIsSaidNotHidden() {
        MispServer wrongKey = new MispServer("http://127.0.0.1:" + misp.getAddress().getPort(), "salah", json);
        assertThat(wrongKey.push(ticket(Tlp.AMBER), indicators(), "trenggalekkab.go.id"))
                .as("MISP's verdict on the request: not worth trying again")
                .isEqualTo(new MispServer.Pushed(false, "MISP menjawab HTTP 403", false));
        MispServer none = new MispServer("", "", json);
        assertThat(none.configured()).isFalse();
        assertThat(none.refusal(ticket(Tlp.AMBER))).contains("MISP belum dikonfigurasi (CSIRT_MISP_URL, CSIRT_MISP_KEY)");
        assertThat(none.push(ticket(Tlp.AMBER), indicators(), "trenggalekkab.go.id").sent()).isFalse();
        assertThat(requests).hasSize(1);
    }

    private List<Indicator> indicators() {
        return new IndicatorExtractor(List.of("trenggalekkab.go.id"))
                .extract("dari 45.13.227.9 ke c2-panel.xyz", Set.of());
    }

    private static Ticket ticket(Tlp tlp) {
        return new Ticket(1, new TicketNumber(2026, 31), CaseStep.ANALYSIS, "Siti Rahayu", "siti.rahayu@dinkes.example.org",
                "Situs diretas", Instant.parse("2026-12-01T19:30:00Z"), false, null, null,
                new Category("fraud", "phishing"), Priority.MEDIUM, tlp, null);
    }
}
