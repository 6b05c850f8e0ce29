package id.go.trenggalekkab.csirt.bench;

import id.go.trenggalekkab.csirt.support.DeskProcess;
import id.go.trenggalekkab.csirt.support.IsolatedDesk;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import id.go.trenggalekkab.csirt.system.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Large reports through a desk whose heap is capped at 256 MB. The desk runs as its own
 * process (the cap must apply to the desk alone, not to GreenMail and this program), and
 * reports the peak of its heap when stopped; PostgreSQL recomputes each stored
 * attachment's SHA-256 so the figure is checked against the bytes sent, not the desk's word.
 */
final class MemoryBenchmark {

    private static final int MIB = 1024 * 1024;
    private static final Random RANDOM = new Random(42);

    private MemoryBenchmark() {}

    static void run() throws Exception {
        measure("one 25 MB attachment", 1, 25);
        measure("100 MB message (3 attachments of 25 MB, base64)", 3, 25);
    }

    private static void measure(String label, int attachments, int mibEach) throws Exception {
        IsolatedDesk world = new IsolatedDesk("bench_memory");
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < attachments; i++) {
            byte[] payload = new byte[mibEach * MIB];
            RANDOM.nextBytes(payload);
            payloads.add(payload);
        }
        byte[] message = report("pelapor-besar@" + world.reporterDomain, payloads);

        try (DeskProcess desk = world.prepare(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"), java.util.Map.of())) {
            desk.start();
            if (!desk.awaitStarted(java.time.Duration.ofMinutes(2))) {
                System.out.printf("memory: %s: the desk did not start (see %s)%n", label, desk.log());
                return;
            }
            long start = System.nanoTime();
            TestMail.putInInbox(world.mailbox, List.of(message));
            long ticketAt = -1;
            while (System.nanoTime() - start < 600_000_000_000L && desk.isAlive()) {
                if (world.count("SELECT count(*) FROM attachment") >= attachments) {
                    ticketAt = System.nanoTime();
                    break;
                }
                Thread.sleep(200);
            }
            boolean alive = desk.isAlive();
            desk.stop();
            long peak = desk.reportedPeakHeap();
            System.out.printf(Locale.ROOT, "memory: %s: message %.1f MB; heap cap 256 MB; %s; peak heap %s%n",
                    label, message.length / 1e6,
                    ticketAt < 0 ? (alive ? "NOT STORED within 10 minutes" : "DESK DIED (see " + desk.log() + ")")
                            : String.format(Locale.ROOT, "stored in %.1f s", (ticketAt - start) / 1e9),
                    peak < 0 ? "not reported" : String.format(Locale.ROOT, "%.0f MB (sum of pool peaks, an upper bound)",
                            peak / 1e6));
            verify(world.database, payloads, message);
        }
    }

    private static void verify(String database, List<byte[]> payloads, byte[] message) throws SQLException {
        try (Connection c = DriverManager.getConnection(DeskProcess.databaseUrl(database))) {
            List<String> expected = payloads.stream().map(Sha256::hex).toList();
            ResultSet rs = c.createStatement().executeQuery(
                    "SELECT sha256, encode(sha256(content), 'hex'), size FROM attachment ORDER BY part_path");
            int i = 0;
            while (rs.next()) {
                boolean same = i < expected.size() && expected.get(i).equals(rs.getString(1))
                        && expected.get(i).equals(rs.getString(2)) && rs.getLong(3) == payloads.get(i).length;
                System.out.printf("  attachment %d: stored SHA-256 %s, recomputed by PostgreSQL %s: %s%n", i + 1,
                        rs.getString(1), rs.getString(2), same ? "matches the bytes sent" : "DOES NOT MATCH");
                i++;
            }
            ResultSet raw = c.createStatement().executeQuery(
                    "SELECT raw_sha256, encode(sha256(raw), 'hex') FROM message WHERE direction = 'IN'");
            while (raw.next()) {
                String sent = Sha256.hex(message);
                System.out.printf("  raw message: SHA-256 %s: %s%n", raw.getString(1),
                        sent.equals(raw.getString(1)) && sent.equals(raw.getString(2)) ? "matches the bytes sent" : "DOES NOT MATCH");
            }
        }
    }

    private static byte[] report(String from, List<byte[]> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "From: " + from + "\r\nTo: " + TestServers.DESK + "\r\nSubject: Bukti insiden (berkas besar)\r\n"
                + "Message-ID: <memory-" + UUID.randomUUID() + "@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Terlampir citra disk server yang diretas.\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < payloads.size(); i++) {
            out.writeBytes(("--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=bukti-"
                    + (i + 1) + ".img\r\nContent-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(Base64.getMimeEncoder().encode(payloads.get(i)));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
