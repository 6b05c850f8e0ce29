package id.go.trenggalekkab.csirt.bench;

import id.go.trenggalekkab.csirt.CsirtMaildeskApplication;
import id.go.trenggalekkab.csirt.support.TestServers;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The desk and Request Tracker 5 (the peer in {@code ../shared/peers/rt}, set up by its
 * {@code setup.sh}) on the same generated Indonesian reports, in one run: RT fed by
 * {@code rt-mailgate} (its peer script, 2 at a time: its best on these machines), the desk
 * on the embedded default with the settings as shipped (durable PostgreSQL, GreenMail) and
 * then with Dovecot as its IMAP server. RT is timed from its reports waiting on disk, the
 * desk from its reports waiting in its inbox (put there with the intake stopped; the clock
 * starts as the intake starts), each until every ticket exists and every mail it queued
 * (acknowledgements, briefings) has been handed to SMTP (RT: to its capture script); the
 * ratio is what counts, absolute rates vary between machines. BENCH_DELIVERY=timed: the
 * desk's reports handed over by SMTP (or into the Maildir) while the clock runs instead.
 *
 * <p>{@code Benchmark versus-rt N [greenmail] [dovecot]} (both by default); {@code flood N
 * [greenmail] [dovecot]}, the desk alone on the peer's generated reports; {@code shipped-steady
 * RATE SECONDS}. Environment: BENCH_RT_DIR (default ../shared/peers/rt), BENCH_RT_PARALLEL
 * (default 2), BENCH_JFR (a flight recording of the desk's measured part to this file),
 * BENCH_KEEP_WORK (the run's work folder left in place).
 */
final class PeerComparison {

    private static final String DESK = "csirt@trenggalekkab.go.id";
    private static final String INTAKE = "mailbox-intake";
    private static final boolean BACKLOG = !"timed".equals(System.getenv("BENCH_DELIVERY"));

    private PeerComparison() {
    }

    static void run(int n, List<String> servers, boolean withRt) throws Exception {
        Path rt = peer();
        if (rt == null) {
            return;
        }
        // Dovecot reads its Maildir as nobody: the work folder must be open to it
        Path work = Files.createTempDirectory("desk-vs-rt",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            run(rt, work, n, servers, withRt);
        } finally {
            removeUnlessKept(work);
        }
    }

    /**
     * The generated reports, RT's spooled mail and Dovecot's Maildir: about 240 MB a run, gone
     * after it unless BENCH_KEEP_WORK is set (then the folder is named for a look inside).
     */
    private static void removeUnlessKept(Path work) {
        if (System.getenv("BENCH_KEEP_WORK") != null) {
            System.out.println("work folder kept (BENCH_KEEP_WORK): " + work);
        } else {
            org.springframework.util.FileSystemUtils.deleteRecursively(work.toFile());
        }
    }

    private static void run(Path rt, Path work, int n, List<String> servers, boolean withRt) throws Exception {
        String tag = "vs" + System.currentTimeMillis();
        Path reports = generate(rt, work, "reports", n, 3, tag);
        // BENCH_WARMUP=N: the desk first takes in N other generated reports, untimed, as a desk that
        // has been running for a while has done (its JIT has compiled the intake); RT is a running server
        int warmupCount = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "0"));
        Path warmup = warmupCount > 0 ? generate(rt, work, "warmup", warmupCount, 11, tag) : null;
        System.out.printf(Locale.ROOT, "versus-rt: %d generated reports (%s, 30 %% with a ~50 KB attachment) in %s%n",
                n, "../shared/peers/rt/gen_emails.py", reports);
        System.out.println("JIT: " + jitAsStarted());

        double rtRate = withRt ? requestTracker(rt, work, reports, n, tag) : Double.NaN;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "| Request Tracker 5, rt-mailgate, %s concurrent | %.1f | 1× |",
                parallel(), rtRate));
        for (String server : servers.isEmpty() ? List.of("greenmail", "dovecot") : servers) {
            double deskRate = switch (server) {
                case "greenmail" -> desk("embedded default, settings as shipped (GreenMail)", reports, warmup, n, Map.of(), null);
                case "dovecot" -> withDovecot(work, dovecot -> desk("embedded PostgreSQL, settings as shipped, Dovecot IMAP",
                        reports, warmup, n, dovecot.deskSettings(), dovecot));
                default -> throw new IllegalArgumentException("versus-rt: unknown mail server " + server);
            };
            lines.add(String.format(Locale.ROOT, "| desk, %s | %.1f | %.1f× |", server, deskRate, deskRate / rtRate));
        }
        System.out.println("versus-rt, one run:");
        System.out.println("| system | reports/s | vs RT |");
        System.out.println("| --- | --- | --- |");
        lines.forEach(System.out::println);
    }

    /**
     * The desk runs in this JVM, so its JIT is this JVM's: {@code mvn spring-boot:run} (the embedded
     * default's run command) starts the desk with C1 alone (Spring Boot's optimizedLaunch), and so do
     * the shipped systemd unit and image; measure it so with MAVEN_OPTS=-XX:TieredStopAtLevel=1.
     */
    static String jitAsStarted() {
        boolean c1Only = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1");
        return c1Only ? "C1 only (-XX:TieredStopAtLevel=1), as the desk's shipped start paths run it"
                : "tiered C1 and C2, NOT as the desk is shipped: run with MAVEN_OPTS=-XX:TieredStopAtLevel=1";
    }

    /** The peer's folder (its generator is used even without RT), or null with a note. */
    private static Path peer() {
        Path rt = Path.of(System.getenv().getOrDefault("BENCH_RT_DIR", "../shared/peers/rt")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(rt.resolve("gen_emails.py"))) {
            System.out.println("no peer set-up at " + rt + " (BENCH_RT_DIR): its report generator is needed; nothing measured");
            return null;
        }
        return rt;
    }

    /**
     * RATE reports a second for SECONDS, each handed over by SMTP as it comes, to the
     * embedded default with the settings as shipped: the delay from handing a report over
     * to its acknowledgement being accepted by the SMTP server, p50/p95/p99.
     */
    static void steady(int rate, int seconds) throws Exception {
        Path rt = peer();
        if (rt == null) {
            return;
        }
        Path work = Files.createTempDirectory("desk-steady");
        try {
            steady(rt, work, rate, seconds);
        } finally {
            removeUnlessKept(work);
        }
    }

    private static void steady(Path rt, Path work, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        Path reports = generate(rt, work, "reports", total, 5, "steady" + System.currentTimeMillis());
        List<byte[]> mail = read(reports);
        Path data = Files.createTempDirectory("desk-steady-data");
        try (ConfigurableApplicationContext desk = new SpringApplicationBuilder(CsirtMaildeskApplication.class)
                .run("--csirt.embedded.data-dir=" + data, "--server.port=0", "--logging.level.root=WARN",
                        "--logging.level.id.go.trenggalekkab.csirt=WARN")) {
            JdbcTemplate jdbc = desk.getBean(JdbcTemplate.class);
            Map<String, Long> handedOver = new java.util.HashMap<>();
            Session session = smtpSession();
            Address[] to = {new InternetAddress(DESK)};
            long start = System.nanoTime();
            try (Transport smtp = session.getTransport("smtp")) {
                smtp.connect();
                for (int i = 0; i < total; i++) {
                    long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(mail.get(i)));
                    smtp.sendMessage(m, to);
                    handedOver.put(m.getMessageID(), System.currentTimeMillis());
                }
            }
            long late = (System.nanoTime() - start) / 1_000_000 - seconds * 1000L;
            awaitDone(jdbc, total, System.currentTimeMillis());
            List<Long> delays = new ArrayList<>();
            jdbc.query("""
                    SELECT r.message_id, (extract(epoch FROM d.delivered_at) * 1000)::bigint AS acked
                      FROM message r
                      JOIN message a ON a.ticket_id = r.ticket_id AND a.kind = 'ACKNOWLEDGEMENT'
                      JOIN outbox o ON o.message_id = a.id
                      JOIN outbox_delivery d ON d.outbox_id = o.id
                     WHERE r.kind = 'REPORT'
                    """, row -> {
                Long t0 = handedOver.get(row.getString("message_id"));
                if (t0 != null) {
                    delays.add(row.getLong("acked") - t0);
                }
            });
            java.util.Collections.sort(delays);
            System.out.printf(Locale.ROOT, "steady %d reports/s for %d s on the embedded default, settings as shipped"
                            + " (%d reports, handed over %d ms behind schedule at the end; %d acknowledged, the rest"
                            + " over the per-sender limit): handed over -> acknowledgement accepted by SMTP p50 %d ms,"
                            + " p95 %d ms, p99 %d ms, max %d ms%n",
                    rate, seconds, total, Math.max(0, late), delays.size(), pct(delays, 50), pct(delays, 95),
                    pct(delays, 99), pct(delays, 100));
        }
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    private static List<byte[]> read(Path reports) throws IOException {
        List<byte[]> mail = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                byte[] report = Files.readAllBytes(f);
                mail.add(ROUTABLE_ADDRESSES ? routable(report) : report);
            }
        }
        return mail;
    }

    /**
     * BENCH_ROUTABLE_ADDRESSES: the generator writes documentation addresses (RFC 5737), which the
     * desk marks and never correlates; real reports name attackers' routable addresses, each seen in
     * a few reports of a wave. Replaced byte for byte (same lengths, so the MIME stays as generated).
     */
    private static final boolean ROUTABLE_ADDRESSES = System.getenv("BENCH_ROUTABLE_ADDRESSES") != null;

    private static byte[] routable(byte[] report) {
        String text = new String(report, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.replace("203.0.113.", "45.13.227.").replace("198.51.100.", "103.147.10.")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Until every report is a ticket and nothing waits in the outbox (at most 30 minutes). Asked ten
     * times a second of the desk's own database, so asked cheaply: counting the ticket table cost the
     * desk's PostgreSQL 0.15 ms a report in a 10,000-mail backlog (ten times what it cost at 1,000).
     * Every committed ticket has its number and numbers are gapless, so the years' last numbers add
     * up to the tickets; the outbox is asked once they are all there.
     */
    private static void awaitDone(JdbcTemplate jdbc, int n, long start) throws InterruptedException {
        while (count(jdbc, "SELECT coalesce(sum(last_value), 0) FROM ticket_number_sequence") < n
                || count(jdbc, "SELECT count(*) FROM outbox WHERE status <> 'SENT'") > 0) {
            if (System.currentTimeMillis() - start > 30 * 60_000) {
                System.out.println("  desk did not finish within 30 minutes");
                return;
            }
            Thread.sleep(100);
        }
    }

    private static Session smtpSession() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", "3025");
        return Session.getInstance(props);
    }

    private static String parallel() {
        return System.getenv().getOrDefault("BENCH_RT_PARALLEL", "2");
    }

    /** gen_emails.py new: the peer's own generator, so both systems get the very same files. */
    private static Path generate(Path rt, Path work, String name, int n, int seed, String tag) throws Exception {
        Path out = work.resolve(name);
        sh(rt, Map.of(), "python3", rt.resolve("gen_emails.py").toString(), "new", "--count", String.valueOf(n),
                "--tag", tag + "-" + name, "--seed", String.valueOf(seed), "--attach-ratio", "0.3", "--to", DESK,
                "--out", out.toString());
        return out;
    }

    private static double requestTracker(Path rt, Path work, Path reports, int n, String tag) throws Exception {
        boolean started = false;
        int status = new ProcessBuilder("bash", rt.resolve("rt-server.sh").toString(), "status")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        if (status != 0) {
            sh(rt, Map.of(), "bash", rt.resolve("rt-server.sh").toString(), "start");
            started = true;
        }
        try {
            Path spool = Path.of(System.getenv().getOrDefault("RT_MAIL_SPOOL", "/var/spool/rtbench-mail"));
            // RT compiles its Mason templates in each worker on first use: warm them as the peer's bench.sh does
            Path warm = generate(rt, work, "warm", 12, 1, tag);
            feed(rt, work, warm, "4", "warm");
            moveAside(spool.resolve("new"), work.resolve("rt-mail-before"));
            long before = Long.parseLong(sh(rt, Map.of(), "python3", rt.resolve("bench_lib.py").toString(), "count", "csirt").strip());
            System.out.println("  Request Tracker 5, before the measured reports: " + CpuSplit.awaitQuietMachine());
            double seconds = feed(rt, work, reports, parallel(), "reports");
            String verified = sh(rt, Map.of(), "python3", rt.resolve("bench_lib.py").toString(), "verify-new",
                    reports.toString(), "csirt", spool.resolve("new").toString(), String.valueOf(before));
            moveAside(spool.resolve("new"), work.resolve("rt-mail"));
            double rate = n / seconds;
            System.out.printf(Locale.ROOT, "  Request Tracker 5: %d reports through rt-mailgate, %s at a time: %.1f s, %.2f reports/s%n"
                    + "    its own check: %s", n, parallel(), seconds, rate, verified);
            return rate;
        } finally {
            if (started) {
                sh(rt, Map.of(), "bash", rt.resolve("rt-server.sh").toString(), "stop");
            }
        }
    }

    private static double feed(Path rt, Path work, Path dir, String parallel, String name) throws Exception {
        Map<String, String> env = Map.of("RTB_URL", "http://127.0.0.1:" + System.getenv().getOrDefault("RT_PORT", "18080") + "/",
                "RTB_QUEUE", "csirt", "RTB_ACTION", "correspond", "RTB_CLIENT", "mailgate",
                "RTB_LOG", work.resolve(name + ".feed.log").toString(), "RTB_ERRLOG", work.resolve(name + ".err").toString(),
                "FEED_DIR", dir.toString(), "FEED_P", parallel, "FEED_ONE", rt.resolve("feed_one.sh").toString());
        long t0 = System.nanoTime();
        sh(rt, env, "bash", "-c", "find \"$FEED_DIR\" -name '*.eml' | sort | xargs -P \"$FEED_P\" -n 1 \"$FEED_ONE\"");
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void moveAside(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.move(f, to.resolve(f.getFileName()));
            }
        }
    }

    /**
     * A desk started as an operator would start it, all of {@code settings} as environment
     * variables would set them (none: the embedded default), on a fresh data folder; the
     * reports delivered over SMTP (GreenMail) or into the Maildir (Dovecot).
     */
    /** @param warmup reports the desk takes in before the measured ones, untimed (BENCH_WARMUP); null for none */
    private static double desk(String what, Path reports, Path warmup, int n, Map<String, String> settings,
                               Dovecot dovecot) throws Exception {
        Path data = Files.createTempDirectory("desk-vs-rt-data");
        List<String> args = new ArrayList<>(List.of("--csirt.embedded.data-dir=" + data, "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.id.go.trenggalekkab.csirt=WARN"));
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        List<byte[]> mail = read(reports);
        try (ConfigurableApplicationContext desk = new SpringApplicationBuilder(CsirtMaildeskApplication.class)
                .run(args.toArray(String[]::new))) {
            JdbcTemplate jdbc = desk.getBean(JdbcTemplate.class);
            int warmed = 0;
            if (warmup != null) {
                List<byte[]> warm = read(warmup);
                if (dovecot == null) {
                    deliverBySmtp(warm);
                } else {
                    dovecot.deliver(warm);
                }
                awaitDone(jdbc, warm.size(), System.currentTimeMillis());
                warmed = warm.size();
                System.out.printf(Locale.ROOT, "  warm-up: %d other reports taken in first, untimed%n", warmed);
            }
            if (System.getenv("BENCH_ANALYSE") != null) {
                analyse(desk, data);
            }
            // The reports wait in the inbox before the clock starts, as RT's wait on its disk (its mail is
            // not delivered while timed either): the intake is stopped, the reports delivered, and the
            // clock starts as the intake starts again. BENCH_DELIVERY=timed: handed over while timed.
            org.apache.camel.spi.RouteController routes = desk.getBean(org.apache.camel.CamelContext.class).getRouteController();
            double delivery = -1;
            if (BACKLOG) {
                routes.stopRoute(INTAKE);
                delivery = dovecot == null ? deliverBySmtp(mail) : dovecot.deliver(mail);
                System.out.printf(Locale.ROOT, "  the %d reports put in the inbox in %.1f s with the intake stopped, untimed%n",
                        mail.size(), delivery);
            }
            Map<String, Long> scannedBefore = rowsReadBySequentialScans(jdbc);
            System.out.println("    before the measured reports: " + CpuSplit.awaitQuietMachine());
            CpuSplit cpu = CpuSplit.start();
            // BENCH_WALL=1: where the intake's lanes spend their time, waiting included
            WallClockSampler wall = WallClockSampler.startIf(System.getenv("BENCH_WALL") != null);
            // BENCH_JFR=file: a flight recording (profile settings) of the measured part, for jfr print
            jdk.jfr.Recording recording = System.getenv("BENCH_JFR") == null ? null
                    : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.start();
            }
            long start = System.currentTimeMillis();
            if (BACKLOG) {
                routes.startRoute(INTAKE);
            } else {
                delivery = dovecot == null ? deliverBySmtp(mail) : dovecot.deliver(mail);
            }
            awaitDone(jdbc, n + warmed, start);
            long done = jdbc.queryForObject("""
                    SELECT (extract(epoch FROM greatest(max(d.delivered_at), max(o.sent_at))) * 1000)::bigint
                      FROM outbox o LEFT JOIN outbox_delivery d ON d.outbox_id = o.id
                    """, Long.class);
            double seconds = (done - start) / 1000.0;
            double rate = n / seconds;
            // when the intake was done (the last ticket's transaction began), against when the outbox was
            long lastTicket = jdbc.queryForObject(
                    "SELECT (extract(epoch FROM max(created_at)) * 1000)::bigint FROM ticket", Long.class);
            System.out.printf(Locale.ROOT, "  desk, %s: %d reports %s %.1f s; %d tickets, %d acknowledgements"
                            + " and %d other mails handed to SMTP after %.1f s: %.1f reports/s%n",
                    what, n, BACKLOG ? "waiting in the inbox, put there untimed in" : "handed over while timed in",
                    delivery, count(jdbc, "SELECT count(*) FROM ticket") - warmed,
                    count(jdbc, "SELECT count(*) FROM outbox o JOIN message m ON m.id = o.message_id"
                            + " WHERE o.status = 'SENT' AND m.kind = 'ACKNOWLEDGEMENT'"),
                    count(jdbc, "SELECT count(*) FROM outbox o JOIN message m ON m.id = o.message_id"
                            + " WHERE o.status = 'SENT' AND m.kind <> 'ACKNOWLEDGEMENT'"),
                    seconds, rate);
            System.out.printf(Locale.ROOT, "    intake: the last ticket after %.1f s (%.1f reports/s); the outbox's last mail after %.1f s%n",
                    (lastTicket - start) / 1000.0, n / ((lastTicket - start) / 1000.0), seconds);
            if (warmed > 0) {
                System.out.printf(Locale.ROOT, "    (the mail counts include the warm-up's %d reports' mail)%n", warmed);
            }
            System.out.println("    CPU: " + cpu.report(n));
            if (wall != null) {
                wall.close();
                System.out.println(wall.report(30));
            }
            System.out.println("    rows read by whole-table scans per report: " + perReport(scannedBefore, rowsReadBySequentialScans(jdbc), n));
            if (recording != null) {
                recording.dump(Path.of(System.getenv("BENCH_JFR")));
                recording.close();
            }
            return rate;
        } finally {
            // the desk (and its embedded PostgreSQL) has stopped: its data folder goes with it
            org.springframework.util.FileSystemUtils.deleteRecursively(data);
        }
    }

    /**
     * BENCH_ANALYSE: the warmed-up desk's tables analysed as autovacuum analyses a desk that has been
     * quiet for a while, so the flood meets plans made on small analysed tables (a regency's desk
     * after months of a few reports) rather than on never-analysed ones. Needs the owner: ANALYZE is
     * the table owner's, not the desk role's.
     */
    private static void analyse(ConfigurableApplicationContext desk, Path data) throws Exception {
        String password = Files.readString(data.resolve("secrets").resolve("postgres-owner.password")).strip();
        String url = desk.getEnvironment().getRequiredProperty("spring.datasource.url");
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(url, "postgres", password);
             java.sql.Statement sql = owner.createStatement()) {
            sql.execute("VACUUM ANALYZE");
        }
        System.out.println("  the warmed-up desk's tables analysed (VACUUM ANALYZE) before the flood");
    }

    /** Per table, rows read by sequential scans so far (what a kept plan on a grown table costs). */
    private static Map<String, Long> rowsReadBySequentialScans(JdbcTemplate jdbc) throws InterruptedException {
        Thread.sleep(600); // PostgreSQL 14's statistics collector reports every 500 ms
        Map<String, Long> rows = new java.util.TreeMap<>();
        jdbc.query("SELECT pg_stat_clear_snapshot()", r -> { });
        jdbc.query("SELECT relname, coalesce(seq_tup_read, 0) AS n FROM pg_stat_user_tables",
                r -> { rows.put(r.getString("relname"), r.getLong("n")); });
        return rows;
    }

    private static String perReport(Map<String, Long> before, Map<String, Long> after, int n) {
        StringBuilder out = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(6)
                .forEach(e -> out.append(String.format(Locale.ROOT, "%s %.1f, ", e.getKey(), e.getValue() / (double) n)));
        return out.length() == 0 ? "none" : out.substring(0, out.length() - 2);
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** Two SMTP connections to the embedded GreenMail, as a mail server relaying a burst would. */
    private static double deliverBySmtp(List<byte[]> mail) throws Exception {
        Session session = smtpSession();
        Address[] desk = {new InternetAddress(DESK)};
        long t0 = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                int first = s;
                done.add(senders.submit(() -> {
                    try (Transport smtp = session.getTransport("smtp")) {
                        smtp.connect();
                        for (int i = first; i < mail.size(); i += 2) {
                            smtp.sendMessage(new MimeMessage(session, new ByteArrayInputStream(mail.get(i))), desk);
                        }
                    } finally {
                        CpuSplit.deliveryThreadEnds();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            senders.shutdown();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    interface DovecotWork {
        double run(Dovecot dovecot) throws Exception;
    }

    /** Debian's Dovecot on 127.0.0.1 with a Maildir for the desk; acknowledgements go to the test GreenMail's SMTP. */
    private static double withDovecot(Path work, DovecotWork use) throws Exception {
        try (Dovecot dovecot = Dovecot.start(work.resolve("dovecot"))) {
            return use.run(dovecot);
        }
    }

    record Dovecot(Path dir, int port) implements AutoCloseable {

        static Dovecot start(Path dir) throws Exception {
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Files.createDirectories(dir.resolve("mail"));
            Files.writeString(dir.resolve("users"), DESK + ":{PLAIN}rahasia\n");
            Files.writeString(dir.resolve("dovecot.conf"), """
                    base_dir = %1$s/run
                    state_dir = %1$s/state
                    log_path = %1$s/dovecot.log
                    protocols = imap
                    listen = 127.0.0.1
                    ssl = no
                    disable_plaintext_auth = no
                    passdb {
                      driver = passwd-file
                      args = scheme=PLAIN username_format=%%u %1$s/users
                    }
                    userdb {
                      driver = static
                      args = uid=nobody gid=nogroup home=%1$s/mail/%%u
                    }
                    mail_location = maildir:~/Maildir
                    first_valid_uid = 100
                    service imap-login {
                      inet_listener imap {
                        address = 127.0.0.1
                        port = %2$d
                      }
                    }
                    """.formatted(dir, port));
            Dovecot dovecot = new Dovecot(dir, port);
            for (String sub : List.of("tmp", "new", "cur")) {
                Files.createDirectories(dovecot.maildir().resolve(sub));
            }
            sh(dir, Map.of(), "chown", "-R", "nobody:nogroup", dir.resolve("mail").toString());
            // a daemon keeps the pipes it was given: its output goes to a file, not to a pipe read to the end
            Process start = new ProcessBuilder("dovecot", "-c", dir.resolve("dovecot.conf").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("start.log").toFile()).start();
            if (start.waitFor() != 0) {
                throw new IllegalStateException("dovecot did not start: " + Files.readString(dir.resolve("start.log")));
            }
            return dovecot;
        }

        Path maildir() {
            return dir.resolve("mail").resolve(DESK).resolve("Maildir");
        }

        Map<String, String> deskSettings() {
            return Map.of("CSIRT_IMAP_URL", "imap://127.0.0.1:" + port, "CSIRT_IMAP_USER", DESK,
                    "CSIRT_IMAP_PASSWORD", "rahasia", "CSIRT_SMTP_HOST", "127.0.0.1",
                    "CSIRT_SMTP_PORT", String.valueOf(TestServers.smtpPort()));
        }

        /** Into the Maildir's new/, as Dovecot's delivery agent would (write to tmp/, rename). */
        double deliver(List<byte[]> mail) throws IOException {
            long t0 = System.nanoTime();
            int i = 0;
            for (byte[] m : mail) {
                String name = System.currentTimeMillis() + ".P" + (i++) + ".bench";
                Path tmp = maildir().resolve("tmp").resolve(name);
                Files.write(tmp, m);
                Files.move(tmp, maildir().resolve("new").resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return (System.nanoTime() - t0) / 1e9;
        }

        @Override
        public void close() throws Exception {
            sh(dir, Map.of(), "doveadm", "-c", dir.resolve("dovecot.conf").toString(), "stop");
        }
    }

    /** Runs a command, fails on a non-zero exit; its output (stdout and stderr together). */
    static String sh(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
