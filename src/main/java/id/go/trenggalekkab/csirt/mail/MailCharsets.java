package id.go.trenggalekkab.csirt.mail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the Java charset for a MIME charset label. Mail in the wild declares labels that
 * Java spells differently or not at all, and declares a subset of what it really uses
 * (gb2312 for GBK text, iso-8859-1 for windows-1252): those are mapped to the superset,
 * as mail clients and the WHATWG encoding standard do.
 */
final class MailCharsets {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("uft-8", "UTF-8"),
            Map.entry("utf8", "UTF-8"),
            Map.entry("gb2312", "GBK"),
            Map.entry("iso-gb2312", "GBK"),
            Map.entry("x-gbk", "GBK"),
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"),
            Map.entry("cp932", "windows-31j"),
            Map.entry("tis-620", "x-windows-874"));

    /**
     * UTF-7, from jutf7, asked for directly: Java has none, and a charset provider found by
     * ServiceLoader is invisible to Charset.forName inside a Spring Boot fat jar.
     */
    private static final Charset UTF_7 = new com.beetstra.jutf7.CharsetProvider().charsetForName("UTF-7");

    private MailCharsets() {}

    static Optional<Charset> forLabel(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String clean = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        String name = ALIASES.getOrDefault(clean, clean);
        if (name.equals("utf-7") || name.equals("unicode-1-1-utf-7") || name.equals("x-unicode-2-0-utf-7")) {
            return Optional.of(UTF_7);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (RuntimeException unknownOrIllegal) {
            return Optional.empty();
        }
    }

    private static final Pattern UTF_7_WORD = Pattern.compile(
            "=\\?(?:utf-7|unicode-1-1-utf-7|x-unicode-2-0-utf-7)(?:\\*[^?]*)?\\?([bq])\\?([^?\\s]*)\\?=",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BETWEEN_UTF_7_WORDS = Pattern.compile(
            "(?<=\\?=)[ \\t]+(?==\\?(?:utf-7|unicode-1-1-utf-7|x-unicode-2-0-utf-7)[*?])", Pattern.CASE_INSENSITIVE);

    /**
     * Header text with its UTF-7 encoded words (RFC 2047, RFC 2152) decoded: Jakarta Mail
     * leaves those as written, finding no UTF-7 in Java. White space between two of them is
     * dropped, as between any encoded words; a word that does not decode stays as written.
     */
    static String decodeUtf7Words(String header) {
        if (header == null || header.indexOf("=?") < 0) {
            return header;
        }
        String joined = BETWEEN_UTF_7_WORDS.matcher(header).replaceAll("");
        Matcher word = UTF_7_WORD.matcher(joined);
        StringBuilder decoded = new StringBuilder();
        while (word.find()) {
            String text;
            try {
                byte[] bytes = word.group(1).equalsIgnoreCase("b")
                        ? Base64.getMimeDecoder().decode(word.group(2))
                        : qDecode(word.group(2));
                text = new String(bytes, UTF_7);
            } catch (IllegalArgumentException notEncoded) {
                text = word.group();
            }
            word.appendReplacement(decoded, Matcher.quoteReplacement(text));
        }
        word.appendTail(decoded);
        return decoded.toString();
    }

    /** RFC 2047's Q encoding: "_" is a space, "=XX" a byte. */
    private static byte[] qDecode(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < encoded.length()) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** Strict UTF-8 where the bytes are valid UTF-8, else windows-1252, which maps every byte. */
    static String decodeUnlabelled(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
