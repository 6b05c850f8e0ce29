package id.go.trenggalekkab.csirt.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * This running instance of the desk: a name for people, and a token drawn at start that
 * no other process has, by which it holds leases. A restarted desk is a new instance: it
 * takes over its predecessor's lease like any other once that lease has expired.
 */
@Component
public class DeskInstance {

    private final String name;
    private final String host;
    private final String token = UUID.randomUUID().toString();
    private final Instant startedAt = Instant.now();

    public DeskInstance(ClusterProperties properties) {
        this.host = hostName();
        this.name = StringUtils.hasText(properties.instanceName()) ? properties.instanceName().strip()
                : host + "/" + ProcessHandle.current().pid();
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    String token() {
        return token;
    }

    public Instant startedAt() {
        return startedAt;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
