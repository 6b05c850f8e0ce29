package com.icegreen.greenmail.smtp;

import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;

/**
 * GreenMail's SMTP session, reading a message's DATA in chunks instead of a byte at a time.
 * GreenMail 2.1 reads DATA with one synchronized {@code BufferedInputStream.read()} and one
 * synchronized {@code ByteArrayOutputStream.write(int)} per byte: in a flood on the embedded
 * default that loop was the busiest code in the JVM after the intake itself (issue 13: every
 * report arrives over it, and so do the desk's three mails per report). The bytes kept are
 * exactly GreenMail's: the same dot-unstuffing, the same end at CRLF.CRLF, the same prefix;
 * nothing after the terminating line is consumed, so a pipelined next command is read as
 * before. Only the embedded server uses it; a real mail server is not touched.
 */
public class ChunkedDataSmtpHandler extends SmtpHandler {

    public ChunkedDataSmtpHandler(SmtpCommandRegistry registry, SmtpManager manager, Socket socket) {
        super(registry, manager, socket);
    }

    /**
     * Called by GreenMail's session right after it made its connection and before anything
     * is read from the socket (the client waits for the greeting): the connection is
     * replaced by one with the chunked DATA reader.
     */
    @Override
    protected void sendGreetings() {
        try {
            conn = new ChunkedDataConnection(this, socket);
        } catch (IOException e) {
            throw new IllegalStateException("could not set up the SMTP session", e);
        }
        super.sendGreetings();
    }

    static final class ChunkedDataConnection extends SmtpConnection {

        private static final int CHUNK = 16 * 1024;
        /** The last four bytes read, as GreenMail's loop keeps them: CR LF '.' CR ends the data at the next LF. */
        private static final int CR_LF_DOT_CR = 0x0D0A2E0D;
        private static final int CR_LF_DOT = 0x0D0A2E;

        ChunkedDataConnection(SmtpHandler handler, Socket socket) throws IOException {
            super(handler, socket);
        }

        @Override
        public InputStream dotLimitedInputStream(byte[] beginning) {
            byte[] data = Arrays.copyOf(beginning, Math.max(CHUNK, beginning.length * 2));
            int size = beginning.length;
            byte[] chunk = new byte[CHUNK];
            int last = 0;
            try {
                while (true) {
                    in.mark(CHUNK);
                    int read = in.read(chunk, 0, CHUNK);
                    if (read < 0) {
                        throw new IllegalStateException("Unexpected end of stream, read " + size + " bytes");
                    }
                    int i = 0;
                    while (i < read) {
                        int b = chunk[i] & 0xff;
                        if (b != '\n' && (last & 0xFF) != '\n' && (last & 0xFF00) != '\n' << 8) {
                            // a run up to the next line end: no byte in it can end the data or be
                            // dropped as a stuffed dot (only an LF and the two bytes after one can),
                            // so it is kept whole
                            int end = i + 1;
                            while (end < read && chunk[end] != '\n') {
                                end++;
                            }
                            if (size + (end - i) > data.length) {
                                data = Arrays.copyOf(data, Math.max(data.length * 2, size + (end - i)));
                            }
                            System.arraycopy(chunk, i, data, size, end - i);
                            size += end - i;
                            for (int k = Math.max(i, end - 4); k < end; k++) {
                                last = last << 8 | chunk[k] & 0xff;
                            }
                            i = end;
                            continue;
                        }
                        if (last == CR_LF_DOT_CR && b == '\n') {
                            // what follows the terminating line is the next command's: left in the stream
                            in.reset();
                            in.skipNBytes(i + 1L);
                            // as GreenMail: the bytes kept end with the terminator's CR LF '.' CR, which is dropped
                            return new ByteArrayInputStream(data, 0, size - 4);
                        }
                        if (!((last & 0xFFFFFF) == CR_LF_DOT && b == '.')) {
                            if (size == data.length) {
                                data = Arrays.copyOf(data, data.length * 2);
                            }
                            data[size++] = (byte) b;
                        }
                        last = last << 8 | b;
                        i++;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Can not read the message's data", e);
            }
        }
    }
}
