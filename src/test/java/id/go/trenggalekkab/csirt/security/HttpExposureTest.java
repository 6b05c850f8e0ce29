package id.go.trenggalekkab.csirt.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks on the HTTP side from the same host or through a browser: requests are written
 * on a plain socket, so that the Host header says what an attacker's page would make it say.
 */
class HttpExposureTest extends DeskIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aRequestForAnotherHostNameIsRefusedSoDnsRebindingReachesNothing() throws IOException {
        assertThat(status("GET", "/api/tickets", "attacker.example", null)).isEqualTo(421);
        assertThat(status("GET", "/api/tickets", "localhost.attacker.example:" + port, null)).isEqualTo(421);
        assertThat(status("GET", "/api/tickets", null, null)).isEqualTo(421);
        assertThat(status("GET", "/api/tickets", "localhost:" + port, null)).isEqualTo(200);
        assertThat(status("GET", "/api/tickets", "127.0.0.1:" + port, null)).isEqualTo(200);
    }

    @Test
    void aChangeWithoutTheApiTokenIsRefused() throws IOException {
        String send = "/api/digest/send?from=2001-01-01&to=2001-01-08";
        assertThat(status("POST", send, "localhost:" + port, null)).isEqualTo(401);
        assertThat(status("POST", send, "localhost:" + port, "Bearer wrong-token")).isEqualTo(401);
        assertThat(status("POST", send, "localhost:" + port, "Basic " + API_TOKEN)).isEqualTo(401);
        assertThat(status("POST", send, "localhost:" + port, "Bearer " + API_TOKEN)).isEqualTo(200);
        assertThat(status("DELETE", "/api/tickets", "localhost:" + port, null)).isEqualTo(401);
    }

    /** The status code of one HTTP/1.1 request written as is; a null Host sends none (HTTP/1.0 style). */
    private int status(String method, String path, String host, String authorization) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder request = new StringBuilder(method).append(' ').append(path)
                    .append(host == null ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
            if (host != null) {
                request.append("Host: ").append(host).append("\r\n");
            }
            if (authorization != null) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
