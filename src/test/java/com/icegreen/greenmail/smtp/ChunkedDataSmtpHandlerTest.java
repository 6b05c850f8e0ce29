package com.icegreen.greenmail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chunked DATA reader keeps exactly the bytes GreenMail's own byte-at-a-time loop keeps,
 * and leaves exactly the same bytes for the next command: checked against GreenMail's
 * reader on the same input, for mail written to catch a reader out (dot-stuffed lines,
 * terminators split across reads, CR and LF alone, 8-bit bytes, a pipelined command after
 * the data).
 */
class ChunkedDataSmtpHandlerTest {

    private static final byte[] PREFIX = "Return-Path: <a@example.org>\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void dotStuffedLinesAndTheTerminatorReadAsGreenMailReadsThem() throws Exception {
        String data = "Subject: titik\r\n\r\n..baris yang dimulai dengan titik\r\n.\r.\n...\r\nakhir\r\n.\r\nQUIT\r\n";
        assertSameAsGreenMail(data.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aMessageLargerThanAReadAndTheTerminatorAcrossReadsReadAsGreenMailReadsThem() throws Exception {
        for (int size : new int[] {16 * 1024 - 3, 16 * 1024 - 2, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 200_000}) {
            StringBuilder body = new StringBuilder("Subject: besar\r\n\r\n");
            while (body.length() < size) {
                body.append(body.length() % 7 == 0 ? "." : "x");
                if (body.length() % 61 == 0) {
                    body.append("\r\n");
                }
            }
            assertSameAsGreenMail((body + "\r\n.\r\nMAIL FROM:<b@example.org>\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void randomMailOfCrLfDotsAndEightBitBytesReadsAsGreenMailReadsIt() throws Exception {
        Random random = new Random(20261202);
        byte[] alphabet = {'\r', '\n', '.', 'a', (byte) 0xE9, 0};
        for (int round = 0; round < 300; round++) {
            ByteArrayOutputStream mail = new ByteArrayOutputStream();
            int length = random.nextInt(round < 200 ? 200 : 70_000);
            for (int i = 0; i < length; i++) {
                mail.write(alphabet[random.nextInt(alphabet.length)]);
            }
            mail.writeBytes("\r\n.\r\nRSET\r\n".getBytes(StandardCharsets.US_ASCII));
            assertSameAsGreenMail(mail.toByteArray());
        }
    }

    @Test
    void aConnectionThatEndsBeforeTheTerminatorFailsAsGreenMailsDoes() throws Exception {
        byte[] cut = "Subject: putus\r\n\r\ntanpa akhir\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> greenMails(cut).dotLimitedInputStream(PREFIX)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> chunked(cut).dotLimitedInputStream(PREFIX)).isInstanceOf(IllegalStateException.class);
    }

    private static void assertSameAsGreenMail(byte[] input) throws Exception {
        SmtpConnection original = greenMails(input);
        SmtpConnection chunked = chunked(input);
        byte[] expected = original.dotLimitedInputStream(PREFIX).readAllBytes();
        byte[] actual = chunked.dotLimitedInputStream(PREFIX).readAllBytes();
        assertThat(actual).isEqualTo(expected);
        assertThat(chunked.readLine()).as("the next command").isEqualTo(original.readLine());
    }

    private static SmtpConnection greenMails(byte[] input) throws Exception {
        return new SmtpConnection(null, socketReading(input));
    }

    private static SmtpConnection chunked(byte[] input) throws Exception {
        return new ChunkedDataSmtpHandler.ChunkedDataConnection(null, socketReading(input));
    }

    private static Socket socketReading(byte[] input) {
        ByteArrayInputStream in = new ByteArrayInputStream(input);
        return new Socket() {
            @Override
            public InputStream getInputStream() {
                return in;
            }

            @Override
            public OutputStream getOutputStream() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public InetAddress getInetAddress() {
                return InetAddress.getLoopbackAddress();
            }
        };
    }
}
