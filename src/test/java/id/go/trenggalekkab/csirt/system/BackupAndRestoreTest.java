package id.go.trenggalekkab.csirt.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * deploy/backup.sh and deploy/restore.sh against the desk's own database while it runs:
 * the dump restored into an empty database holds every message and attachment, and each
 * one's bytes still match the SHA-256 stored beside them. Needs Debian's PostgreSQL client
 * tools (pg_dump, pg_restore, psql), which .ci/run installs.
 */
class BackupAndRestoreTest extends DeskIntegrationTest {

    @TempDir
    Path work;

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHoldsEveryPieceOfEvidenceIntact() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pg_dump")) && Files.isExecutable(Path.of("/usr/bin/pg_restore")),
                "Debian's PostgreSQL client tools are not installed (.ci/run installs postgresql)");
        String reporter = TestMail.uniqueAddress("cadangan");
        String id = TestMail.newMessageId();
        TestMail.deliver(reporter, withAttachment(reporter, id));
        String ticket = awaitTicketOf(id);

        Path dump = work.resolve("desk.dump");
        assertThat(run("deploy/backup.sh", dump.toString())).contains("written to " + dump);
        String target = "restored_" + System.nanoTime();
        TestServers.ownerJdbc().execute("CREATE DATABASE " + target);
        try {
            assertThat(run("deploy/restore.sh", dump.toString(), target)).contains("match their SHA-256");
            JdbcTemplate restored = new JdbcTemplate(new DriverManagerDataSource(TestServers.databaseUrl(target), "postgres", ""));
            assertThat(restored.queryForObject("SELECT count(*) FROM ticket WHERE number = ?", Integer.class, ticket)).isEqualTo(1);
            assertThat(restored.queryForObject("""
                    SELECT count(*) FROM attachment WHERE sha256 = encode(sha256(content), 'hex') AND filename = 'bukti.bin'
                    """, Integer.class)).isGreaterThanOrEqualTo(1);
            // what the backup saw is all there: nothing taken in since the dump began is older than it
            for (String table : List.of("message", "attachment", "logbook")) {
                assertThat(restored.queryForObject("SELECT count(*) FROM " + table, Long.class)).as(table)
                        .isPositive().isLessThanOrEqualTo(count("SELECT count(*) FROM " + table));
            }
            assertThat(runExpectingFailure("deploy/restore.sh", dump.toString(), target))
                    .as("a database that is not empty is refused").contains("is not empty");
        } finally {
            TestServers.ownerJdbc().execute("DROP DATABASE IF EXISTS " + target + " WITH (FORCE)");
        }
    }

    private static byte[] withAttachment(String from, String messageId) {
        return ("From: " + from + "\r\nTo: csirt@trenggalekkab.go.id\r\nSubject: Bukti untuk cadangan\r\nMessage-ID: "
                + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nBukti terlampir.\r\n--b\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=\"bukti.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("bukti\0biner\u00ff".getBytes(StandardCharsets.ISO_8859_1))
                + "\r\n--b--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private String run(String... command) throws Exception {
        Result result = execute(command);
        assertThat(result.exit()).as(result.output()).isZero();
        return result.output();
    }

    private String runExpectingFailure(String... command) throws Exception {
        Result result = execute(command);
        assertThat(result.exit()).as(result.output()).isNotZero();
        return result.output();
    }

    private record Result(int exit, String output) {}

    private Result execute(String... command) throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of("bash"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("CSIRT_") || name.startsWith("PG"));
        env.put("PGHOST", "localhost");
        env.put("PGPORT", Integer.toString(TestServers.postgres().getPort()));
        env.put("PGUSER", "postgres");
        env.put("PGDATABASE", "postgres");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
