package id.go.trenggalekkab.csirt.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the intake's lanes spend their time, CPU or not: every few milliseconds each lane's
 * stack is read and put under what it was doing (on the CPU, waiting for PostgreSQL's answer,
 * for the IMAP server's, parked) and in which of the desk's stages. A CPU profile cannot show
 * a lane waiting for another's commit; this can. BENCH_WALL=1 turns it on (PeerComparison).
 */
final class WallClockSampler implements AutoCloseable {

    private static final String DESK = "id.go.trenggalekkab.csirt.";
    private final Map<String, Integer> samples = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;
    private int total;
    private final Map<String, Integer> pollSamples = new HashMap<>();
    private int pollTotal;

    private WallClockSampler() {
        sampler = new Thread(this::sample, "wall-clock-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static WallClockSampler startIf(boolean wanted) {
        return wanted ? new WallClockSampler() : null;
    }

    private void sample() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        while (running.get()) {
            for (ThreadInfo info : mx.dumpAllThreads(false, false, 60)) {
                if (info.getThreadName().startsWith("intake-lane")) {
                    synchronized (samples) {
                        samples.merge(classify(info), 1, Integer::sum);
                        total++;
                    }
                } else if (info.getThreadName().contains("mailbox-intake")) {
                    // the poll's own thread: opening the poll, filing its mail away, waiting for its lanes
                    synchronized (samples) {
                        pollSamples.merge(info.getThreadName() + ": " + classify(info), 1, Integer::sum);
                        pollTotal++;
                    }
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** "what it was doing | the desk's innermost frame" */
    private static String classify(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        String stage = "(outside the desk's code)";
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith(DESK)) {
                stage = frame.getClassName().substring(DESK.length()) + "." + frame.getMethodName();
                break;
            }
        }
        String doing;
        boolean pg = false;
        boolean imap = false;
        for (StackTraceElement frame : stack) {
            pg |= frame.getClassName().startsWith("org.postgresql");
            imap |= frame.getClassName().contains(".imap.");
        }
        if (readsASocket(stack)) {
            doing = pg ? "waits for PostgreSQL" : imap ? "waits for IMAP" : "waits on a socket";
        } else if (info.getThreadState() == Thread.State.WAITING || info.getThreadState() == Thread.State.TIMED_WAITING) {
            doing = "parked in " + firstOutsideTheJdk(stack);
        } else if (info.getThreadState() == Thread.State.BLOCKED) {
            doing = "blocked on a monitor";
        } else {
            doing = pg ? "CPU in the JDBC driver" : "CPU";
            if (System.getenv("BENCH_WALL_TOP") != null && stack.length > 0) {
                doing += " at " + stack[0].getClassName() + "." + stack[0].getMethodName();
            }
        }
        return doing + " | " + stage;
    }

    /** Where a parked thread waits: its innermost frame outside java.* and jdk.* (a pool, a lock, a queue's user). */
    private static String firstOutsideTheJdk(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                return c.substring(c.lastIndexOf('.') + 1) + "." + frame.getMethodName();
            }
        }
        return stack.length > 0 ? stack[stack.length - 1].getClassName() + "." + stack[stack.length - 1].getMethodName() : "?";
    }

    /** Waiting for bytes from a socket: a read (or the poll before it) among the innermost frames. Writes are not waits. */
    private static boolean readsASocket(StackTraceElement[] stack) {
        for (int i = 0; i < Math.min(stack.length, 8); i++) {
            String c = stack[i].getClassName();
            String m = stack[i].getMethodName();
            if (c.equals("sun.nio.ch.NioSocketImpl") && m.equals("implRead") || c.equals("sun.nio.ch.Net") && m.equals("poll")
                    || c.equals("sun.nio.ch.SocketDispatcher") && m.equals("read0")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        sampler.join();
    }

    String report(int lines) {
        StringBuilder out = new StringBuilder();
        synchronized (samples) {
            Map<String, Integer> byDoing = new HashMap<>();
            samples.forEach((k, v) -> byDoing.merge(k.substring(0, k.indexOf(" | ")), v, Integer::sum));
            out.append(String.format(Locale.ROOT, "    lanes' time (%d samples):", total));
            byDoing.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.0f %%;", e.getKey(), 100.0 * e.getValue() / total)));
            samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(lines)
                    .forEach(e -> out.append(String.format(Locale.ROOT, "%n      %5.1f %%  %s", 100.0 * e.getValue() / total, e.getKey())));
            out.append(String.format(Locale.ROOT, "%n    the poll's thread (%d samples):", pollTotal));
            pollSamples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                    .forEach(e -> out.append(String.format(Locale.ROOT, "%n      %5.1f %%  %s", 100.0 * e.getValue() / pollTotal, e.getKey())));
        }
        return out.toString();
    }
}
