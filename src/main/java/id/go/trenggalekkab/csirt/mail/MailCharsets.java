package id.go.trenggalekkab.csirt.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
