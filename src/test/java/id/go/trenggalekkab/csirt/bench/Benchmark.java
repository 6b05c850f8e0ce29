package id.go.trenggalekkab.csirt.bench;

import com.icegreen.greenmail.util.GreenMail;
import id.go.trenggalekkab.csirt.CsirtMaildeskApplication;
import id.go.trenggalekkab.csirt.sla.SlaSweep;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prints the desk's figures (README, "Benchmarks"; results in BENCHMARKS.md). Not a test:
 * the machines are shared and noisy, so nothing here passes or fails, it measures.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=id.go.trenggalekkab.csirt.bench.Benchmark -Dexec.args="all"
 * </pre>
 * Arguments: {@code ingest N}, {@code steady RATE SECONDS}, {@code sweep OPEN_CASES}, {@code startup},
 * {@code memory}, or {@code all} (ingest 1000, ingest 10000 where the mailbox is a real IMAP server,
 * steady 10 120, sweep 100000, startup, memory).
 */
public final class Benchmark {

    private static final Random RANDOM = new Random(42);
    private static final String INDONESIAN = "Selamat pagi, kami menemukan halaman depan situs dinas berisi tautan judi "
            + "online sejak dini hari. Mohon segera ditindaklanjuti. Terlampir tangkapan layar dan log server.";

    public static void main(String[] args) throws Exception {
        try {
            run(args.length == 0 ? List.of("all") : List.of(args));
        } catch (Exception | Error e) {
            System.out.println("benchmark failed: " + e);
            e.printStackTrace(System.out);
        } finally {
            TestServers.shutdown();
        }
    }

    private static void run(List<String> a) throws Exception {
        System.out.printf("machine: %d cores, max heap %d MB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"));
        System.out.println("desk mailbox: " + EXTERNAL_IMAP.map(e -> "external IMAP server " + e.url())
                .orElse("GreenMail, in this JVM"));
        switch (a.get(0)) {
            case "ingest" -> withDesk(desk -> ingest(desk, Integer.parseInt(a.get(1))));
            case "steady" -> withDesk(desk -> steady(desk, Integer.parseInt(a.get(1)), Integer.parseInt(a.get(2))));
            case "sweep" -> withDesk(desk -> sweep(desk, Integer.parseInt(a.get(1))));
            case "startup" -> startup();
            case "memory" -> MemoryBenchmark.run();
            case "desks" -> TwoDesksBenchmark.run(Integer.parseInt(a.get(1)));
            case "extract" -> ExtractionBenchmark.run();
            case "hash" -> HashBenchmark.run();
            case "versus-rt" -> PeerComparison.run(Integer.parseInt(a.get(1)), a.subList(2, a.size()), true);
            case "flood" -> PeerComparison.run(Integer.parseInt(a.get(1)), a.subList(2, a.size()), false);
            case "shipped-steady" -> PeerComparison.steady(Integer.parseInt(a.get(1)), Integer.parseInt(a.get(2)));
            case "all" -> {
                withDesk(desk -> {
                    ingest(desk, 1000);
                    if (EXTERNAL_IMAP.isPresent()) {
                        ingest(desk, 10000);
                    } else {
                        System.out.println("ingest 10000: not on GreenMail, whose IMAP commands each cost time in proportion"
                                + " to the messages in the folder (BENCHMARKS.md); set BENCH_IMAP_URL etc. for a real server");
                    }
                    steady(desk, 10, 120);
                    sweep(desk, 100_000);
                });
                startup();
                MemoryBenchmark.run();
                TwoDesksBenchmark.run(1000);
            }
            default -> throw new IllegalArgumentException("unknown benchmark " + a.get(0));
        }
    }

    interface DeskWork {
        void run(ConfigurableApplicationContext desk) throws Exception;
    }

    private static void withDesk(DeskWork work) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--csirt.embedded.enabled=false",
                "--server.port=0",
                "--spring.datasource.url=" + TestServers.postgres().getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestServers.smtpPort(),
                "--csirt.imap.url=" + EXTERNAL_IMAP.map(ExternalImap::url).orElse("imap://127.0.0.1:" + TestServers.imapPort()),
                "--csirt.imap.user=" + EXTERNAL_IMAP.map(ExternalImap::user).orElse(TestServers.DESK),
                "--csirt.imap.password=" + EXTERNAL_IMAP.map(ExternalImap::password).orElse(TestServers.DESK),
                "--csirt.acknowledgement.max-per-sender-per-hour=1000000",
                "--logging.level.id.go.trenggalekkab.csirt=WARN",
                "--logging.level.root=WARN"));
        // BENCH_SETTINGS=shipped measures the desk as it ships (5 s poll delay, 100 per poll);
        // BENCH_GREEDY=false turns off polling again at once while polls take mail in
        if (!"shipped".equals(System.getenv("BENCH_SETTINGS"))) {
            args.addAll(List.of("--csirt.imap.poll-delay=100", "--csirt.imap.max-messages-per-poll=500",
                    "--csirt.outbox.poll-interval=100", "--csirt.outbox.batch-size=200"));
        }
        if (System.getenv("BENCH_GREEDY") != null) {
            args.add("--csirt.imap.greedy=" + System.getenv("BENCH_GREEDY"));
        }
        System.out.println("settings: " + (args.stream().anyMatch(a -> a.startsWith("--csirt.imap.poll-delay")) ? "tuned" : "shipped")
                + ", greedy " + System.getenv().getOrDefault("BENCH_GREEDY", "true"));
        try (ConfigurableApplicationContext desk = new SpringApplicationBuilder(CsirtMaildeskApplication.class)
                .run(args.toArray(String[]::new))) {
            work.run(desk);
        }
    }

    /** N reports of mixed shape put into the desk's mailbox at once; waits for every acknowledgement. */
    private static void ingest(ConfigurableApplicationContext desk, int n) throws Exception {
        List<byte[]> reports = new ArrayList<>();
        Map<String, Long> deliveredAt = new HashMap<>();
        List<String> earlierIds = new ArrayList<>();
        int expectedAcks = 0;
        for (int i = 0; i < n; i++) {
            String id = "<bench-" + UUID.randomUUID() + "@example.org>";
            int shape = RANDOM.nextInt(10);
            boolean followUp = shape == 0 && !earlierIds.isEmpty();
            boolean autoReply = shape == 1;
            reports.add(report(id, shape, followUp ? earlierIds.get(RANDOM.nextInt(earlierIds.size())) : null, autoReply));
            earlierIds.add(id);
            if (!followUp && !autoReply) {
                expectedAcks++;
                deliveredAt.put(id, 0L);
            }
        }
        GreenMail greenMail = TestServers.greenMail();
        int acksBefore = acknowledgements(greenMail).size();
        long start = System.currentTimeMillis();
        for (int i = 0; i < reports.size(); i++) {
            String id = idOf(reports.get(i));
            long t = System.currentTimeMillis();
            putInDeskInbox(reports.get(i));
            deliveredAt.computeIfPresent(id, (k, v) -> t);
        }
        long delivered = System.currentTimeMillis();
        List<MimeMessage> acks = waitFor(greenMail, acksBefore + expectedAcks, Duration.ofMinutes(30));
        List<Long> latencies = new ArrayList<>();
        long last = 0;
        for (MimeMessage ack : acks) {
            String inReplyTo = ack.getHeader("In-Reply-To", null);
            Long t0 = inReplyTo == null ? null : deliveredAt.get(inReplyTo);
            if (t0 != null && t0 > 0) {
                long arrived = ack.getReceivedDate().getTime();
                latencies.add(arrived - t0);
                last = Math.max(last, arrived);
            }
        }
        double seconds = (last - start) / 1000.0;
        Long lastStored = desk.getBean(JdbcTemplate.class).queryForObject(
                "SELECT (extract(epoch FROM max(received_at)) * 1000)::bigint FROM message WHERE message_id = ANY (?)",
                Long.class, (Object) earlierIds.toArray(String[]::new));
        System.out.printf(Locale.ROOT, "ingest %d reports (%d acknowledged, %d follow-ups/auto-replies): put in mailbox in %.1f s;"
                        + " all stored as tickets after %.1f s (%.1f reports/s); end to end %.1f s = %.1f reports/s;"
                        + " delivery->ack p50 %d ms, p95 %d ms, p99 %d ms%n",
                n, latencies.size(), n - expectedAcks, (delivered - start) / 1000.0, (lastStored - start) / 1000.0,
                n / ((lastStored - start) / 1000.0), seconds, n / seconds,
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 99));
    }

    /**
     * Where the desk reads its mail: GreenMail, or a production IMAP server given by
     * BENCH_IMAP_URL, BENCH_IMAP_USER, BENCH_IMAP_PASSWORD and BENCH_MAILDIR (the desk
     * mailbox's Maildir, into which reports are dropped as the server's delivery agent
     * would). Acknowledgements still go to GreenMail's SMTP.
     */
    private record ExternalImap(String url, String user, String password, Path maildir) {
        static java.util.Optional<ExternalImap> fromEnvironment() {
            String url = System.getenv("BENCH_IMAP_URL");
            return url == null ? java.util.Optional.empty() : java.util.Optional.of(new ExternalImap(url,
                    System.getenv("BENCH_IMAP_USER"), System.getenv("BENCH_IMAP_PASSWORD"), Path.of(System.getenv("BENCH_MAILDIR"))));
        }
    }

    private static final java.util.Optional<ExternalImap> EXTERNAL_IMAP = ExternalImap.fromEnvironment();

    private static void putInDeskInbox(byte[] report) throws java.io.IOException {
        if (EXTERNAL_IMAP.isEmpty()) {
            TestMail.putInDeskInbox(List.of(report));
            return;
        }
        Path maildir = EXTERNAL_IMAP.get().maildir();
        String name = System.currentTimeMillis() + ".bench" + UUID.randomUUID() + ".localhost";
        Path tmp = Files.createDirectories(maildir.resolve("tmp")).resolve(name);
        Files.write(tmp, report);
        Files.move(tmp, Files.createDirectories(maildir.resolve("new")).resolve(name),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** RATE reports per second for SECONDS, one at a time as mail arrives; latency delivery->ack. */
    private static void steady(ConfigurableApplicationContext desk, int rate, int seconds) throws Exception {
        GreenMail greenMail = TestServers.greenMail();
        int acksBefore = acknowledgements(greenMail).size();
        Map<String, Long> deliveredAt = new HashMap<>();
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String id = "<steady-" + UUID.randomUUID() + "@example.org>";
            deliveredAt.put(id, System.currentTimeMillis());
            putInDeskInbox(report(id, 2 + RANDOM.nextInt(8), null, false));
        }
        List<MimeMessage> acks = waitFor(greenMail, acksBefore + total, Duration.ofMinutes(10));
        List<Long> latencies = new ArrayList<>();
        for (MimeMessage ack : acks) {
            Long t0 = deliveredAt.get(ack.getHeader("In-Reply-To", null));
            if (t0 != null) {
                latencies.add(ack.getReceivedDate().getTime() - t0);
            }
        }
        System.out.printf(Locale.ROOT, "steady %d reports/s for %d s (%d reports): delivery->ack p50 %d ms, p95 %d ms, p99 %d ms%n",
                rate, seconds, total, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99));
    }

    /** OPEN_CASES open steps with deadlines spread over a week, 1% already due: how long a sweep takes. */
    private static void sweep(ConfigurableApplicationContext desk, int openCases) throws InterruptedException {
        JdbcTemplate jdbc = desk.getBean(JdbcTemplate.class);
        jdbc.update("""
                INSERT INTO ticket (number, year, sequence, status, reporter_address, subject, received_at)
                SELECT 'TTIS-2098-' || lpad(g::text, 6, '0'), 2098, g, 'VERIFICATION', 'bench@example.org',
                       'sweep benchmark ' || g, now()
                  FROM generate_series(1, ?) g
                """, openCases);
        jdbc.update("""
                INSERT INTO case_step (ticket_id, step, entered_at, entered_by, deadline, clock)
                SELECT id, 'VERIFICATION', now(), 'bench',
                       CASE WHEN sequence % 100 = 0 THEN now() - interval '1 minute'
                            ELSE now() + (sequence % 10080) * interval '1 minute' END, 'CALENDAR'
                  FROM ticket WHERE year = 2098
                """);
        jdbc.update("UPDATE case_step SET next_notice_at = deadline WHERE left_at IS NULL AND next_notice_at IS NULL");
        jdbc.execute("ANALYZE case_step");
        long t0 = System.nanoTime();
        List<Long> due = jdbc.queryForList("""
                SELECT s.id FROM case_step s
                 WHERE s.left_at IS NULL AND s.next_notice_at IS NOT NULL AND s.next_notice_at <= now()
                 ORDER BY s.next_notice_at LIMIT 500
                """, Long.class);
        double findMs = (System.nanoTime() - t0) / 1e6;
        SlaSweep sweep = desk.getBean(SlaSweep.class);
        long t1 = System.nanoTime();
        int sent = sweep.sweep();
        double sweepMs = (System.nanoTime() - t1) / 1e6;
        long t2 = System.nanoTime();
        int sentNext = sweep.sweep();
        double nextMs = (System.nanoTime() - t2) / 1e6;
        long t3 = System.nanoTime();
        int sentIdle = sweep.sweep();
        double idleMs = (System.nanoTime() - t3) / 1e6;
        System.out.printf(Locale.ROOT, "sweep over %d open cases (%d due in the first batch of 500): find due %.1f ms;"
                        + " a sweep that claims and notifies a batch %.0f ms (%d notices); the next batch %.0f ms (%d);"
                        + " a sweep with nothing due %.1f ms (%d)%n",
                openCases, due.size(), findMs, sweepMs, sent, nextMs, sentNext, idleMs, sentIdle);
        List<Long> delays = jdbc.queryForList("""
                SELECT (extract(epoch FROM (n.created_at - n.due_at)) * 1000)::bigint FROM sla_notice n
                  JOIN ticket t ON t.id = n.ticket_id WHERE t.year = 2098 AND n.level = 'REMINDER'
                """, Long.class);
        System.out.printf(Locale.ROOT, "  reminder delay after deadline (these were due 1 min before the sweep): p50 %d ms, max %d ms%n",
                pct(delays, 50), pct(delays, 100));
        escalationDelay(jdbc);
    }

    /**
     * Notices falling due while the desk runs, among the open cases above: 300 steps whose
     * next notice (escalations overdue) comes due at moments spread over one minute. The
     * desk's own timer (sla-sweep, Quartz, its configured cron) finds them; the delay is
     * from that moment (kept in the ticket's received_at) to the notice's creation.
     */
    private static void escalationDelay(JdbcTemplate jdbc) throws InterruptedException {
        jdbc.update("""
                INSERT INTO ticket (number, year, sequence, status, reporter_address, subject, received_at)
                SELECT 'TTIS-2097-' || lpad(g::text, 6, '0'), 2097, g, 'VERIFICATION', 'bench@example.org',
                       'escalation benchmark ' || g, now() + interval '5 seconds' + g * interval '200 milliseconds'
                  FROM generate_series(1, 300) g
                """);
        jdbc.update("""
                INSERT INTO case_step (ticket_id, step, entered_at, entered_by, deadline, clock, next_notice_at)
                SELECT id, 'VERIFICATION', now() - interval '2 days', 'bench', now() - interval '1 day', 'CALENDAR', received_at
                  FROM ticket WHERE year = 2097
                """);
        Thread.sleep(Duration.ofSeconds(5 + 60 + 45).toMillis());
        List<Long> delays = jdbc.queryForList("""
                SELECT (extract(epoch FROM (min(n.created_at) - t.received_at)) * 1000)::bigint
                  FROM sla_notice n JOIN ticket t ON t.id = n.ticket_id
                 WHERE t.year = 2097 GROUP BY t.id, t.received_at
                """, Long.class);
        Long escalations = jdbc.queryForObject("""
                SELECT count(*) FROM sla_notice n JOIN ticket t ON t.id = n.ticket_id
                 WHERE t.year = 2097 AND n.level LIKE 'ESCALATION%'
                """, Long.class);
        System.out.printf(Locale.ROOT, "  notices falling due while running (300 steps over 60 s; %d of them noticed, %d escalations):"
                        + " delay after due p50 %d ms, p95 %d ms, max %d ms%n",
                delays.size(), escalations, pct(delays, 50), pct(delays, 95), pct(delays, 100));
    }

    /** Launch to ready on the embedded default, first start (initdb) and restart. */
    private static void startup() throws Exception {
        Path dir = Files.createTempDirectory("csirt-startup");
        for (String run : List.of("first start (initdb)", "restart")) {
            long t0 = System.nanoTime();
            try (ConfigurableApplicationContext desk = new SpringApplicationBuilder(CsirtMaildeskApplication.class).run(
                    "--csirt.embedded.data-dir=" + dir, "--server.port=0", "--logging.level.root=WARN")) {
                System.out.printf(Locale.ROOT, "startup, embedded default, %s: %.1f s to ready%n", run,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static byte[] report(String id, int shape, String replyTo, boolean autoReply) {
        String from = "pelapor" + RANDOM.nextInt(5000) + "@example.org";
        StringBuilder m = new StringBuilder("From: " + from + "\r\nTo: csirt@trenggalekkab.go.id\r\n"
                + "Subject: Laporan insiden " + id.substring(1, 14) + "\r\nMessage-ID: " + id + "\r\nMIME-Version: 1.0\r\n");
        if (replyTo != null) {
            m.append("In-Reply-To: ").append(replyTo).append("\r\n");
        }
        if (autoReply) {
            m.append("Auto-Submitted: auto-replied\r\n");
        }
        if (shape <= 4) {
            m.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n").append(INDONESIAN).append("\r\n");
        } else if (shape <= 6) {
            m.append("Content-Type: text/html; charset=UTF-8\r\n\r\n<html><body><p>").append(INDONESIAN)
                    .append("</p><p><a href=\"http://judi.example/x\">tautan</a></p></body></html>\r\n");
        } else {
            m.append("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                    .append(INDONESIAN).append("\r\n");
            int files = 1 + RANDOM.nextInt(3);
            for (int f = 0; f < files; f++) {
                byte[] content = new byte[1024 + RANDOM.nextInt(RANDOM.nextInt(10) == 0 ? 1024 * 1024 : 64 * 1024)];
                RANDOM.nextBytes(content);
                m.append("--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=bukti-").append(f)
                        .append(".png\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                        .append(Base64.getMimeEncoder().encodeToString(content)).append("\r\n");
            }
            m.append("--b--\r\n");
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String idOf(byte[] report) {
        String text = new String(report, 0, Math.min(report.length, 400), StandardCharsets.UTF_8);
        int i = text.indexOf("Message-ID: ") + 12;
        return text.substring(i, text.indexOf('\r', i));
    }

    private static List<MimeMessage> acknowledgements(GreenMail greenMail) {
        List<MimeMessage> acks = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                String subject = m.getSubject();
                if (subject != null && subject.contains("Laporan diterima")) {
                    acks.add(m);
                }
            } catch (Exception ignored) {
                // not one of ours
            }
        }
        return acks;
    }

    private static List<MimeMessage> waitFor(GreenMail greenMail, int count, Duration patience) throws InterruptedException {
        long until = System.currentTimeMillis() + patience.toMillis();
        List<MimeMessage> acks = acknowledgements(greenMail);
        while (acks.size() < count && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            acks = acknowledgements(greenMail);
        }
        if (acks.size() < count) {
            System.out.printf("  only %d of %d acknowledgements arrived within %s%n", acks.size(), count, patience);
        }
        return acks;
    }

    private static long pct(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
