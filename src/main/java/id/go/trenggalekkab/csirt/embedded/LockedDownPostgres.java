package id.go.trenggalekkab.csirt.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The embedded PostgreSQL as only the desk may use it: every login needs its password
 * (pg_hba: scram-sha-256, no trust, by socket or TCP), the owner's and the desk role's
 * passwords generated and kept in {@link Secrets}. The desk runs as {@link #DESK_ROLE},
 * which may add evidence and logbook entries but change none (migration V11); migrations
 * run as the owner, postgres. It runs durable: fsync, synchronous commit and full-page
 * writes on, whatever the library's test-friendly defaults; its autovacuum looks every 10 s.
 */
final class LockedDownPostgres {

    static final String OWNER = "postgres";
    static final String DESK_ROLE = "csirt_desk";

    private LockedDownPostgres() {}

    static EmbeddedPostgres start(Path pgData, Secrets secrets) throws IOException {
        String ownerPassword = secrets.get("postgres-owner.password");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // zonky's own readiness check logs in as the owner: with its password once trust is gone
                .setConnectConfig("password", ownerPassword)
                // the library starts PostgreSQL as tests want it (-F: no fsync; no synchronous commit); the
                // embedded default keeps tickets whose mail has left the inbox: a power cut must not lose them
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // a desk small for months has small analysed tables, on which PostgreSQL plans its
                // foreign-key checks as whole-table reads and keeps the plans; a flood grows the
                // tables under them until autovacuum analyses: it looks every 10 s, not every minute
                .setServerConfig("autovacuum_naptime", "10s")
                .start();
        try (Connection owner = DriverManager.getConnection(url(postgres), login(OWNER, ownerPassword));
             Statement sql = owner.createStatement()) {
            sql.execute("ALTER ROLE " + OWNER + " PASSWORD '" + ownerPassword + "'");
            String deskPassword = secrets.get("desk-role.password");
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + DESK_ROLE + "') THEN"
                    + " CREATE ROLE " + DESK_ROLE + " LOGIN; END IF; END $$");
            sql.execute("ALTER ROLE " + DESK_ROLE + " PASSWORD '" + deskPassword + "'");
            Files.writeString(pgData.resolve("pg_hba.conf"), """
                    # Written by the desk's embedded default: every login needs its password.
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """, StandardCharsets.US_ASCII);
            sql.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("the embedded PostgreSQL could not be locked down: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /** The URL without a user in it: whoever connects says who they are. */
    static String url(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    private static Properties login(String user, String password) {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        return login;
    }
}
