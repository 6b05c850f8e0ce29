package id.go.trenggalekkab.csirt.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The team's MISP instance, where an officer's {@code #bagikan} pushes a case as an event
 * (MISP's REST API, {@code POST /events/add} with the instance's API key), through the
 * queue of {@link MispShares}, never while a transaction waits. Not configured,
 * nothing is ever sent. A case whose TLP keeps it inside the organisation (RED,
 * AMBER+STRICT) is never pushed, whatever the command says.
 */
@Component
public class MispServer {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String url;
    private final String key;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    MispServer(@Value("${csirt.misp.url:}") String url, @Value("${csirt.misp.key:}") String key, ObjectMapper json) {
        this.url = url == null ? "" : url.strip().replaceAll("/+$", "");
        this.key = key == null ? "" : key.strip();
        this.json = json;
    }

    public boolean configured() {
        return StringUtils.hasText(url) && StringUtils.hasText(key);
    }

    /**
     * What became of a push: the event's id at the MISP server, or why not (in Indonesian,
     * for the officer).
     *
     * @param worthRetrying MISP was away or failed; trying later may succeed. A refusal for the
     *                      case's TLP, the configuration or MISP's own verdict on the request is not.
     */
    public record Pushed(boolean sent, String detail, boolean worthRetrying) {}

    /** Why the case may not go to MISP at all, checked without the network; empty where it may. */
    public Optional<String> refusal(Ticket ticket) {
        if (!configured()) {
            return Optional.of("MISP belum dikonfigurasi (CSIRT_MISP_URL, CSIRT_MISP_KEY)");
        }
        if (!MispEvent.shareable(ticket.tlp())) {
            return Optional.of("TLP:" + ticket.tlp().label() + " tidak boleh keluar dari organisasi");
        }
        return Optional.empty();
    }

    public Pushed push(Ticket ticket, List<Indicator> indicators, String deskDomain) {
        Optional<String> refusal = refusal(ticket);
        if (refusal.isPresent()) {
            return new Pushed(false, refusal.get(), false);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/events/add")).timeout(TIMEOUT)
                    .header("Authorization", key).header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(MispEvent.of(ticket, indicators, deskDomain))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                // 5xx and 429: MISP's trouble, which passes; 4xx: its verdict on this request
                boolean passing = response.statusCode() >= 500 || response.statusCode() == 429;
                return new Pushed(false, "MISP menjawab HTTP " + response.statusCode(), passing);
            }
            String id = Optional.ofNullable(json.readTree(response.body())).map(r -> r.path("Event").path("id"))
                    .filter(JsonNode::isValueNode).map(JsonNode::asText).orElse("?");
            return new Pushed(true, "event " + id, false);
        } catch (IOException e) {
            return new Pushed(false, "MISP tidak terjangkau: " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Pushed(false, "terputus", true);
        } catch (IllegalArgumentException e) {
            return new Pushed(false, "CSIRT_MISP_URL bukan URL", false);
        }
    }
}
