package id.go.trenggalekkab.csirt.mail;

import id.go.trenggalekkab.csirt.system.ByteSource;
import id.go.trenggalekkab.csirt.system.Sha256;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One message's bytes exactly as the mail server held them, hashed as they were read.
 * Small messages stay in memory; larger ones are spooled to a private temporary file, so
 * a 100 MB report costs the heap no more than a small one. Parsing reads the spool in
 * place ({@link SharedInputStream}): MIME parts are windows on it, not copies.
 * {@link #close()} deletes the spool.
 */
public final class RawMessage implements ByteSource, Closeable {

    /** Above this the bytes go to disk. */
    static final int IN_MEMORY_LIMIT = 1 << 20;

    private final byte[] memory;
    private final Path file;
    private final long size;
    private final String sha256;
    private final List<Closeable> openedForParsing = new ArrayList<>();

    private RawMessage(byte[] memory, Path file, long size, String sha256) {
        this.memory = memory;
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    public static RawMessage of(byte[] bytes) {
        return new RawMessage(bytes, null, bytes.length, Sha256.hex(bytes));
    }

    /** What writes a message's bytes, e.g. an IMAP message's writeTo. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException, MessagingException;
    }

    public static RawMessage spool(Writer writer) throws IOException, MessagingException {
        try (Spool spool = new Spool()) {
            writer.writeTo(spool);
            spool.flush();
            return spool.finish();
        }
    }

    public String sha256() {
        return sha256;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        return memory != null ? new java.io.ByteArrayInputStream(memory) : Files.newInputStream(file);
    }

    /** The bytes for Jakarta Mail to parse in place; closed with this message. */
    synchronized SharedInputStream forParsing() throws IOException {
        if (memory != null) {
            return new SharedByteArrayInputStream(memory);
        }
        SharedFileInputStream shared = new SharedFileInputStream(file.toFile());
        openedForParsing.add(shared);
        return shared;
    }

    /** The first bytes, for checks that look at the top of a message (its headers, a DSN's report). */
    public byte[] head(int max) {
        if (memory != null) {
            return memory.length <= max ? memory : Arrays.copyOf(memory, max);
        }
        try (InputStream in = open()) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException("spooled message unreadable", e);
        }
    }

    /** Whether the bytes contain an ASCII needle (given in lower case), anywhere, in any case. */
    public boolean containsIgnoreCase(byte[] lowerNeedle) {
        try (InputStream in = open()) {
            byte[] window = new byte[64 * 1024 + lowerNeedle.length];
            int carried = 0;
            int n;
            while ((n = in.read(window, carried, window.length - carried)) != -1) {
                int filled = carried + n;
                if (indexOfIgnoreCase(window, filled, lowerNeedle) >= 0) {
                    return true;
                }
                carried = Math.min(lowerNeedle.length - 1, filled);
                System.arraycopy(window, filled - carried, window, 0, carried);
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("spooled message unreadable", e);
        }
    }

    static int indexOfIgnoreCase(byte[] haystack, int length, byte[] lowerNeedle) {
        outer:
        for (int i = 0; i <= length - lowerNeedle.length; i++) {
            for (int j = 0; j < lowerNeedle.length; j++) {
                byte b = haystack[i + j];
                if (b >= 'A' && b <= 'Z') {
                    b = (byte) (b + 32);
                }
                if (b != lowerNeedle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public synchronized void close() {
        for (Closeable c : openedForParsing) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the spool is deleted next
            }
        }
        openedForParsing.clear();
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file the OS cleans up; the evidence is in the database
            }
        }
    }

    /** Memory first, a temporary file once past the limit; hashes everything written. */
    private static final class Spool extends OutputStream {
        private final MessageDigest digest = Sha256.digest();
        private ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
        private Path file;
        private OutputStream fileOut;
        private long size;
        private boolean finished;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digest.update(b, off, len);
            size += len;
            if (fileOut == null && memory.size() + len > IN_MEMORY_LIMIT) {
                // owner-only permissions: reports hold personal data
                file = Files.createTempFile("csirt-intake-", ".eml");
                fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
                memory.writeTo(fileOut);
                memory = null;
            }
            if (fileOut != null) {
                fileOut.write(b, off, len);
            } else {
                memory.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (fileOut != null) {
                fileOut.flush();
            }
        }

        RawMessage finish() throws IOException {
            finished = true;
            String sha = Sha256.hex(digest);
            if (fileOut != null) {
                fileOut.close();
                return new RawMessage(null, file, size, sha);
            }
            return new RawMessage(memory.toByteArray(), null, size, sha);
        }

        @Override
        public void close() throws IOException {
            if (!finished && fileOut != null) {
                fileOut.close();
                Files.deleteIfExists(file);
            }
        }
    }
}
