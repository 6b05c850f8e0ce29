package id.go.trenggalekkab.csirt.outbound;

/**
 * The Content-Transfer-Encoding Jakarta Mail chooses for a text part written in UTF-8,
 * worked out from the text's bytes. Left to choose, Jakarta Mail writes the whole text
 * through its data handler once only to count its bytes before writing it again to send;
 * on the intake's path (an acknowledgement and a briefing per officer on duty, per report)
 * that first pass was a quarter of composing a mail. The choice is the same, byte for byte
 * of output: 7bit where every byte is US-ASCII text and no line is longer than 998 bytes,
 * quoted-printable where US-ASCII bytes are the majority, base64 otherwise.
 */
final class TextEncoding {

    private static final int LONGEST_LINE = 998;

    private TextEncoding() {}

    /** @param utf8 the text as UTF-8 writes it (a lone surrogate as '?', as Jakarta Mail's writer does) */
    static String of(byte[] utf8) {
        long ascii = 0;
        long lineLength = 0;
        boolean longLine = false;
        for (byte b : utf8) {
            if (b == '\r' || b == '\n') {
                lineLength = 0;
            } else {
                lineLength++;
                longLine |= lineLength > LONGEST_LINE;
            }
            // every byte of a character beyond US-ASCII is >= 0x80, negative as a Java byte
            if (b >= 0x20 && b < 0x7F || b == '\r' || b == '\n' || b == '\t') {
                ascii++;
            }
        }
        long nonAscii = utf8.length - ascii;
        if (nonAscii == 0) {
            return longLine ? "quoted-printable" : "7bit";
        }
        return ascii > nonAscii ? "quoted-printable" : "base64";
    }
}
