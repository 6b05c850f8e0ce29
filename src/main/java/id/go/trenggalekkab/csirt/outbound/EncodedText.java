package id.go.trenggalekkab.csirt.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text part of an outgoing mail, encoded once: its UTF-8 bytes through the transfer
 * encoding Jakarta Mail would choose ({@link TextEncoding}) and Jakarta Mail's own encoder
 * for it. Jakarta Mail copies content given to it encoded as it is; given a String, it
 * wrote every character through a charset writer and the encoder one at a time, the
 * largest part of composing a mail. The bytes are the same (EncodedTextTest).
 *
 * @param contentType as Jakarta Mail writes it for text set in UTF-8
 * @param encoded     the part's body, transfer-encoded
 */
record EncodedText(String contentType, String transferEncoding, byte[] encoded) {

    static EncodedText of(String text, String subtype) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String encoding = TextEncoding.of(utf8);
        Buffer out = new Buffer(utf8.length + utf8.length / 8 + 64);
        try {
            OutputStream encoder = MimeUtility.encode(out, encoding);
            encoder.write(utf8);
            // base64 writes its last quantum on flush, as Jakarta Mail's own writing ends
            encoder.flush();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not encode a text part as " + encoding, e);
        }
        return new EncodedText("text/" + subtype + "; charset=UTF-8", encoding, out.bytes());
    }

    /** A body part with this text as its content. */
    MimeBodyPart part() throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", contentType);
        headers.setHeader("Content-Transfer-Encoding", transferEncoding);
        return new MimeBodyPart(headers, encoded);
    }

    /** Grows as bytes come, without the lock ByteArrayOutputStream takes for each: the encoders write a byte at a time. */
    private static final class Buffer extends OutputStream {
        private byte[] bytes;
        private int size;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
