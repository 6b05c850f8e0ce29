package id.go.trenggalekkab.csirt.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the CPU went during a measurement: this JVM's threads grouped by what they do
 * (the intake, the outbox, GreenMail's IMAP and SMTP, the rest), PostgreSQL's processes
 * and Dovecot's, in milliseconds per report. Linux only (reads /proc).
 */
final class CpuSplit {

    private static final long TICKS_PER_SECOND = 100;
    private final Map<Long, Long> threadsBefore;
    private final Map<String, Long> processesBefore;
    private final long wallStart = System.nanoTime();
    private final long jvmBefore = jvmCpuNanos();
    private final long[] machineBefore = machineTicks();
    private final long jitBefore = jitMs();
    private final long gcBefore = gcMs();
    private final Map<String, Long> jvmInternalBefore = jvmInternalCpuMs();
    /** CPU of the benchmark's own threads that end before the report (its SMTP senders), as they hand it in. */
    private static final java.util.concurrent.atomic.AtomicLong ENDED_DELIVERY_NANOS = new java.util.concurrent.atomic.AtomicLong();
    private final long endedDeliveryBefore = ENDED_DELIVERY_NANOS.get();

    private CpuSplit(Map<Long, Long> threads, Map<String, Long> processes) {
        this.threadsBefore = threads;
        this.processesBefore = processes;
    }

    static CpuSplit start() {
        return new CpuSplit(threadCpu(), processCpuMs());
    }

    String report(int reports) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> ms = new TreeMap<>();
        Map<Long, Long> now = threadCpu();
        for (Map.Entry<Long, Long> t : now.entrySet()) {
            long used = t.getValue() - threadsBefore.getOrDefault(t.getKey(), 0L);
            var info = mx.getThreadInfo(t.getKey());
            String name = info == null ? "ended" : info.getThreadName();
            ms.merge("java: " + group(name), used / 1_000_000, Long::sum);
        }
        // the JVM's own threads (the JIT's compilers, the collector's), which ThreadMXBean does not list
        jvmInternalCpuMs().forEach((group, total) -> ms.merge(group, total - jvmInternalBefore.getOrDefault(group, 0L), Long::sum));
        ms.merge("java: delivery (benchmark)", (ENDED_DELIVERY_NANOS.get() - endedDeliveryBefore) / 1_000_000, Long::sum);
        // what no thread still alive accounts for: threads that ended meanwhile (GreenMail's SMTP
        // sessions end with their connections)
        long threadsMs = ms.values().stream().mapToLong(Long::longValue).sum();
        ms.put("java: ended threads", Math.max(0, (jvmCpuNanos() - jvmBefore) / 1_000_000 - threadsMs));
        long[] machineNow = machineTicks();
        double machineBusy = machineNow[1] == machineBefore[1] ? 0
                : 100.0 * (machineNow[0] - machineBefore[0]) / (machineNow[1] - machineBefore[1]);
        Map<String, Long> processes = processCpuMs();
        processes.forEach((comm, total) -> ms.merge(comm, total - processesBefore.getOrDefault(comm, 0L), Long::sum));
        double wall = (System.nanoTime() - wallStart) / 1e6;
        long total = ms.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%.0f ms of both cores' %.0f ms used per report (%.0f %%):",
                total / (double) reports, 2 * wall / reports, 100.0 * total / (2 * wall)));
        ms.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).filter(e -> e.getValue() > 0)
                .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.1f;", e.getKey(), e.getValue() / (double) reports)));
        out.append(String.format(Locale.ROOT, " (the JVM's own counters, elapsed time per report: JIT compiling %.1f, GC pauses %.1f)",
                (jitMs() - jitBefore) / (double) reports, (gcMs() - gcBefore) / (double) reports));
        out.append(String.format(Locale.ROOT, "; the machine (every process, /proc/stat) %.0f %% busy", machineBusy));
        return out.toString();
    }

    /** Called by a benchmark thread as its last act, so that its CPU is not counted as an ended thread's. */
    static void deliveryThreadEnds() {
        ENDED_DELIVERY_NANOS.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
    }

    private static String group(String thread) {
        String t = thread.toLowerCase(Locale.ROOT);
        if (t.contains("mailbox-intake") || t.startsWith("intake-lane")) {
            return "intake";
        }
        if (t.contains("outbox")) {
            return "outbox";
        }
        if (t.startsWith("imap") || t.contains("imap:")) {
            return "greenmail imap";
        }
        if (t.startsWith("smtp") || t.contains("smtp:")) {
            return "greenmail smtp";
        }
        if (t.contains("pool") || t.contains("benchmark")) {
            return "delivery (benchmark)";
        }
        return "other";
    }

    /**
     * User + system CPU of the processes (or threads) listed in {@code dir}, by the group that
     * {@code groupOf} gives from the command name and the entry's folder; null groups are left
     * out. One that ends meanwhile is skipped.
     */
    private static Map<String, Long> cpuMsByGroup(Path dir, GroupOf groupOf) {
        Map<String, Long> cpu = new HashMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String group = groupOf.group(comm, p);
                    if (group != null) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        cpu.merge(group, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS_PER_SECOND, Long::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            return cpu;
        }
        return cpu;
    }

    @FunctionalInterface
    private interface GroupOf {
        String group(String command, Path entry) throws IOException;
    }

    /**
     * What a postgres process does, from the title PostgreSQL gives it ("postgres: walwriter",
     * "postgres: csirt_desk csirt 127.0.0.1(41234) idle", on Debian with the cluster's name first:
     * "postgres: 15/main: walwriter"): the backends serving connections apart from the server's
     * own workers, whose cost a flood also drives (WAL, checkpoints, autovacuum).
     */
    private static String postgresRole(Path process) throws IOException {
        String title = new String(Files.readAllBytes(process.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8)
                .replace('\0', ' ').strip();
        if (!title.startsWith("postgres: ")) {
            return "postgres"; // the postmaster
        }
        String role = title.substring("postgres: ".length());
        for (String worker : new String[] {"walwriter", "checkpointer", "background writer", "autovacuum", "stats collector",
                "logical replication", "archiver"}) {
            if (role.startsWith(worker) || role.contains(": " + worker)) {
                return "postgres: " + worker;
            }
        }
        return "postgres: backends";
    }

    /** This JVM's own threads, which ThreadMXBean does not list: the JIT, the collector, the VM thread. */
    private static Map<String, Long> jvmInternalCpuMs() {
        return cpuMsByGroup(Path.of("/proc/self/task"), (comm, task) -> comm.contains("CompilerThre") ? "jvm: jit"
                : comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "jvm: gc"
                : comm.equals("VM Thread") ? "jvm: vm thread" : null);
    }

    private static long jitMs() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long gcMs() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    private static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /**
     * Waits until the whole machine is quiet (under 10 % busy for five seconds running), at most
     * two minutes, so that one system's measurement does not begin in the tail of another's work
     * (RT's PostgreSQL vacuuming its new tickets, the kernel catching up after minutes of load, a
     * previous desk's data folder being deleted). One quiet second was not enough: beside RT the
     * desk's runs found other processes taking 5-15 % of the machine, alone 1-7 %. Says how
     * long it waited and how busy the machine was when it went on.
     */
    static String awaitQuietMachine() throws InterruptedException {
        long start = System.nanoTime();
        double busy = 100;
        int quietSeconds = 0;
        while (quietSeconds < 5 && System.nanoTime() - start < 120_000_000_000L) {
            long[] before = machineTicks();
            Thread.sleep(1000);
            long[] after = machineTicks();
            busy = after[1] == before[1] ? 0 : 100.0 * (after[0] - before[0]) / (after[1] - before[1]);
            quietSeconds = busy < 10 ? quietSeconds + 1 : 0;
        }
        return String.format(Locale.ROOT, "the machine %.0f %% busy in the last second, after %.0f s of waiting for"
                + " five quiet seconds", busy, (System.nanoTime() - start) / 1e9);
    }

    /** The machine's busy and total ticks so far, every process and the kernel, from /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static Map<Long, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /** This machine's postgres and dovecot processes (imap, auth...). */
    private static Map<String, Long> processCpuMs() {
        return cpuMsByGroup(Path.of("/proc"), (comm, process) -> comm.equals("postgres") ? postgresRole(process)
                : comm.equals("imap") || comm.startsWith("dovecot") || comm.equals("auth") || comm.equals("imap-login")
                ? "dovecot" : null);
    }
}
