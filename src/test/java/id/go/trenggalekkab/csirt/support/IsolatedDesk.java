package id.go.trenggalekkab.csirt.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One {@link DeskProcess}'s world on the shared test servers: a database, a mailbox and a
 * reporter domain of its own, so that nothing another test does is counted here.
 */
public final class IsolatedDesk {

    public final String database;
    public final String mailbox;
    public final String reporterDomain;
    private int reports;

    public IsolatedDesk(String name) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        this.database = name + "_" + run;
        this.mailbox = name.replace('_', '-') + "-" + run + "@trenggalekkab.go.id";
        this.reporterDomain = name.replace('_', '-') + "-" + run + ".example.org";
    }

    public DeskProcess prepare(Map<String, String> settings) {
        return prepare(List.of("-Xmx512m"), settings);
    }

    /**
     * A desk that reads its mailbox through the proxy, which can cut, refuse or answer in the
     * server's place and records what the desk sent.
     */
    public DeskProcess prepareReadingThrough(TcpProxy imap, Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put(DeskProcess.IMAP_URL, "imap://127.0.0.1:" + imap.port());
        return prepare(all);
    }

    public DeskProcess prepare(List<String> jvmOptions, Map<String, String> settings) {
        return DeskProcess.prepare(database, mailbox, jvmOptions, settings);
    }

    /** Its database (empty) and mailbox, for desks started as {@link #instance}s. */
    public IsolatedDesk create() {
        TestServers.greenMail().setUser(mailbox, mailbox, mailbox);
        DeskProcess.createDatabase(database);
        return this;
    }

    /**
     * An instance of this desk, after {@link #create} or {@link #prepare}: same database, same mailbox,
     * named {@code instance} (its log: target/desk-&lt;database&gt;-&lt;instance&gt;.log).
     */
    public DeskProcess instance(String instance, Map<String, String> settings) {
        Map<String, String> named = new java.util.LinkedHashMap<>(settings);
        named.put("csirt.cluster.instance-name", instance);
        return DeskProcess.instance(database + "-" + instance, database, mailbox, List.of("-Xmx512m"), named);
    }

    /** Plain reports, each from a reporter of its own: pelapor-0, pelapor-1, ... */
    public List<byte[]> reports(int n) {
        List<byte[]> made = new ArrayList<>();
        for (int i = 0; i < n; i++, reports++) {
            String reporter = "pelapor-" + reports + "@" + reporterDomain;
            made.add(TestMail.report(reporter, "Laporan insiden " + reports, "Situs dinas diretas (" + reports + ")."));
        }
        return made;
    }

    /**
     * A count query's answer, read from the desk's database directly (never through a proxy
     * the desk may be using); 0 while the desk has not created its schema yet.
     */
    public long count(String sql) {
        try (Connection c = DriverManager.getConnection(DeskProcess.databaseUrl(database));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException notMigratedYet) {
            return 0;
        }
    }

    /** A one-value query's answer as text, from the desk's database directly; null where there is none (yet). */
    public String text(String sql) {
        try (Connection c = DriverManager.getConnection(DeskProcess.databaseUrl(database));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException notMigratedYet) {
            return null;
        }
    }

    /** A one-column query's answers as text, from the desk's database directly. */
    public java.util.Set<String> texts(String sql) {
        java.util.Set<String> all = new java.util.HashSet<>();
        try (Connection c = DriverManager.getConnection(DeskProcess.databaseUrl(database));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long tickets() {
        return count("SELECT count(*) FROM ticket");
    }

    public boolean outboxDrained() {
        return count("SELECT count(*) FROM outbox WHERE status <> 'SENT'") == 0;
    }

    public int folderCount(String folder) {
        return TestMail.folderCount(mailbox, folder);
    }

    /**
     * Every report stored once, and each reporter acknowledged under one Message-ID.
     * {@code repeatsAllowed}: copies of a mail the SMTP server accepted just as the desk
     * lost its database or its life, before the receipt committed.
     */
    public void assertEveryReportOneTicketOneAcknowledgement(int expected, int repeatsAllowed) {
        assertThat(count("SELECT count(*) FROM message WHERE direction = 'IN'")).isEqualTo(expected);
        assertThat(count("SELECT count(DISTINCT raw_sha256) FROM message WHERE direction = 'IN'")).isEqualTo(expected);
        Map<String, List<String>> acknowledgements = TestMail.messageIdsByRecipient(reporterDomain);
        assertThat(acknowledgements).hasSize(expected);
        assertThat(acknowledgements.values()).allSatisfy(ids -> assertThat(new HashSet<>(ids)).hasSize(1));
        assertThat(acknowledgements.values().stream().mapToInt(List::size).sum())
                .as("copies of acknowledgements").isBetween(expected, expected + repeatsAllowed);
    }
}
