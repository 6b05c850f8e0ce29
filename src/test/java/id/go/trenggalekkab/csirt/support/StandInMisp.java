package id.go.trenggalekkab.csirt.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the team's MISP instance (no MISP runs here), shared by the desk tests:
 * it answers POST /events/add with the key {@link #KEY} as MISP does, keeps what it was
 * sent, and can be told to be away (503) for the next pushes of one case.
 */
public final class StandInMisp {

    public static final String KEY = "test-misp-key";

    private static StandInMisp instance;

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> tried = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> away = new ConcurrentHashMap<>();
    private final AtomicInteger events = new AtomicInteger(100);

    private StandInMisp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tried.add(body);
            boolean keyed = KEY.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean add = exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals("/events/add");
            int status;
            String answer;
            if (away.entrySet().stream().anyMatch(e -> body.contains(e.getKey()) && e.getValue().getAndDecrement() > 0)) {
                status = 503;
                answer = "{\"message\":\"Service unavailable\"}";
            } else if (keyed && add) {
                received.add(body);
                status = 200;
                answer = "{\"Event\":{\"id\":\"" + events.incrementAndGet() + "\"}}";
            } else {
                status = 403;
                answer = "{\"message\":\"Authentication failed\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public static synchronized StandInMisp instance() {
        if (instance == null) {
            try {
                instance = new StandInMisp();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The events it took, as sent, that mention this text (a ticket number). */
    public List<String> eventsAbout(String text) {
        return received.stream().filter(body -> body.contains(text)).toList();
    }

    /** Every push it was sent that mentions this text, answered or not. */
    public List<String> pushesAbout(String text) {
        return tried.stream().filter(body -> body.contains(text)).toList();
    }

    /** The next pushes of events mentioning this text are answered 503, as by a MISP that is down. */
    public void awayFor(String text, int pushes) {
        away.put(text, new AtomicInteger(pushes));
    }
}
