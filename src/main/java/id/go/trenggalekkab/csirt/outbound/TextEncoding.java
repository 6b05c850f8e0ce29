package id.go.trenggalekkab.csirt.outbound;

/**
 * The Content-Transfer-Encoding Jakarta Mail chooses for a text part written in UTF-8,
 * worked out from the text itself. Left to choose, Jakarta Mail writes the whole text
 * through its data handler once only to count its bytes before writing it again to send;
 * on the intake's path (an acknowledgement and a briefing per officer on duty, per report)
 * that first pass was a quarter of composing a mail. The choice is the same, byte for byte
 * of output: 7bit where every byte is US-ASCII text and no line is longer than 998 bytes,
 * quoted-printable where US-ASCII bytes are the majority, base64 otherwise.
 */
final class TextEncoding {

    private static final int LONGEST_LINE = 998;

    private TextEncoding() {}

    static String of(String text) {
        long ascii = 0;
        long nonAscii = 0;
        long lineLength = 0;
        boolean longLine = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int bytes;
            boolean textByte;
            if (c < 0x80) {
                bytes = 1;
                textByte = c < 0x7F && (c >= 0x20 || c == '\r' || c == '\n' || c == '\t');
            } else if (c < 0x800) {
                bytes = 2;
                textByte = false;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                // a pair: four bytes in UTF-8
                bytes = 4;
                textByte = false;
                i++;
            } else if (Character.isSurrogate(c)) {
                // alone, it cannot be encoded: UTF-8's encoder writes '?' for it
                bytes = 1;
                textByte = true;
            } else {
                bytes = 3;
                textByte = false;
            }
            if (c == '\r' || c == '\n') {
                lineLength = 0;
            } else {
                lineLength += bytes;
                longLine |= lineLength > LONGEST_LINE;
            }
            if (textByte) {
                ascii += bytes;
            } else {
                nonAscii += bytes;
            }
        }
        if (nonAscii == 0) {
            return longLine ? "quoted-printable" : "7bit";
        }
        return ascii > nonAscii ? "quoted-printable" : "base64";
    }
}
