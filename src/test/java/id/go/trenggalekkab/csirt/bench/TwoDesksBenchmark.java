package id.go.trenggalekkab.csirt.bench;

import id.go.trenggalekkab.csirt.support.DeskProcess;
import id.go.trenggalekkab.csirt.support.IsolatedDesk;
import id.go.trenggalekkab.csirt.support.TestMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One desk against two on one mailbox and one PostgreSQL, each desk its own process set up
 * alike: the rate at which N reports become tickets with their acknowledgements sent, and
 * how long the standby takes to resume the intake after the holder is killed. With the
 * intake under a lease the second desk adds availability, not speed: the ratio shows what
 * the standby costs the holder (its heartbeats, its half of the outbox).
 */
final class TwoDesksBenchmark {

    private static final Map<String, String> LEASE = Map.of("csirt.cluster.lease-ttl", "6s",
            "csirt.cluster.renew-every", "1s");

    private TwoDesksBenchmark() {}

    static void run(int reports) throws Exception {
        double one = rate(reports, 1);
        double two = rate(reports, 2);
        System.out.printf(Locale.ROOT, "desks: %d reports into one mailbox: one desk %.1f reports/s, two desks %.1f"
                + " reports/s (ratio two/one %.2f); each report one ticket and one acknowledgement in both%n",
                reports, one, two, two / one);
        takeover(reports);
    }

    /** Reports per second from the moment they are in the mailbox until every ticket exists and its acknowledgement has left. */
    private static double rate(int reports, int instances) throws Exception {
        IsolatedDesk world = new IsolatedDesk("bench_desks").create();
        List<DeskProcess> desks = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                desks.add(world.instance("desk-" + (char) ('a' + i), LEASE).start());
            }
            awaitStarted(desks);
            awaitUntil(Duration.ofMinutes(1), () -> world.text("SELECT holder_name FROM desk_lease") != null);
            List<byte[]> mail = world.reports(reports);
            long start = System.nanoTime();
            TestMail.putInInbox(world.mailbox, mail);
            awaitUntil(Duration.ofMinutes(20), () -> world.tickets() == reports && world.outboxDrained());
            double seconds = (System.nanoTime() - start) / 1e9;
            world.assertEveryReportOneTicketOneAcknowledgement(reports, 0);
            return reports / seconds;
        } finally {
            for (DeskProcess desk : desks) {
                desk.stop();
            }
        }
    }

    private static void takeover(int reports) throws Exception {
        IsolatedDesk world = new IsolatedDesk("bench_takeover").create();
        try (DeskProcess a = world.instance("desk-a", LEASE).start(); DeskProcess b = world.instance("desk-b", LEASE).start()) {
            awaitStarted(List.of(a, b));
            TestMail.putInInbox(world.mailbox, world.reports(reports));
            awaitUntil(Duration.ofMinutes(10), () -> world.tickets() >= reports / 3);
            DeskProcess holder = "desk-a".equals(world.text("SELECT holder_name FROM desk_lease")) ? a : b;
            holder.kill();
            long killedAt = System.nanoTime();
            long ticketsAtKill = world.tickets();
            awaitUntil(Duration.ofMinutes(2), () -> world.tickets() > ticketsAtKill);
            double takeover = (System.nanoTime() - killedAt) / 1e9;
            awaitUntil(Duration.ofMinutes(20), () -> world.tickets() == reports && world.outboxDrained());
            world.assertEveryReportOneTicketOneAcknowledgement(reports, 1);
            System.out.printf(Locale.ROOT, "desks: holder killed with SIGKILL after %d of %d tickets; the standby's first"
                    + " ticket %.1f s later (lease 6 s, renewed every 1 s); every report one ticket, one acknowledgement%n",
                    ticketsAtKill, reports, takeover);
        }
    }

    private static void awaitStarted(List<DeskProcess> desks) throws Exception {
        for (DeskProcess desk : desks) {
            if (!desk.awaitStarted(Duration.ofMinutes(3))) {
                throw new IllegalStateException("a desk did not start (see " + desk.log() + ")");
            }
        }
    }

    private static void awaitUntil(Duration patience, java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("not done within " + patience);
            }
            Thread.sleep(100);
        }
    }
}
