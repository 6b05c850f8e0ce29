package id.go.trenggalekkab.csirt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.system.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RawMessageTest {

    @Test
    void aLargeMessageIsSpooledToAPrivateFileHashedAsReadAndDeletedOnClose() throws Exception {
        byte[] bytes = new byte[RawMessage.IN_MEMORY_LIMIT * 3 + 17];
        new Random(7).nextBytes(bytes);
        Path spool;
        try (RawMessage raw = RawMessage.spool(out -> {
            // written in uneven pieces, as an IMAP fetch delivers them
            for (int i = 0; i < bytes.length; i += 10_007) {
                out.write(bytes, i, Math.min(10_007, bytes.length - i));
            }
        })) {
            assertThat(raw.size()).isEqualTo(bytes.length);
            assertThat(raw.sha256()).isEqualTo(Sha256.hex(bytes));
            assertThat(raw.readAll()).isEqualTo(bytes);
            assertThat(raw.head(10)).isEqualTo(Arrays.copyOf(bytes, 10));
            spool = spoolFiles().stream().filter(p -> sizeOf(p) == bytes.length).findFirst().orElseThrow();
            assertThat(Files.getPosixFilePermissions(spool)).containsExactlyInAnyOrder(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
        assertThat(spool).doesNotExist();
    }

    @Test
    void findsANeedleAcrossTheReadWindowsBoundaryInAnyCase() throws Exception {
        byte[] filler = new byte[64 * 1024 - 4];
        Arrays.fill(filler, (byte) 'a');
        byte[] needle = "X-TTIS-Loop:".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[RawMessage.IN_MEMORY_LIMIT + filler.length + needle.length];
        Arrays.fill(bytes, (byte) 'b');
        System.arraycopy(needle, 0, bytes, RawMessage.IN_MEMORY_LIMIT + filler.length, needle.length);
        try (RawMessage raw = RawMessage.spool(out -> out.write(bytes))) {
            assertThat(raw.containsIgnoreCase("x-ttis-loop:".getBytes(StandardCharsets.US_ASCII))).isTrue();
            assertThat(raw.containsIgnoreCase("x-other:".getBytes(StandardCharsets.US_ASCII))).isFalse();
        }
    }

    private static java.util.List<Path> spoolFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("csirt-intake-")).toList();
        }
    }

    private static long sizeOf(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            return -1;
        }
    }
}
