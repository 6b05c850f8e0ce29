package id.go.trenggalekkab.csirt.briefing;

import id.go.trenggalekkab.csirt.mail.HtmlLink;
import id.go.trenggalekkab.csirt.mail.ParsedAttachment;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What in a report should make an officer careful before opening it, in words for them:
 * programs and scripts, documents with macros, archives locked with a password, and links
 * whose text shows one address while they lead to another. Found by name and by the first
 * bytes of each part (never by running or unpacking anything); the signs are a warning,
 * not a verdict, and no sign is no all-clear.
 */
final class DangerSigns {

    /** How much of a part is read: enough for its magic number and the first entries of an archive. */
    static final int HEAD_BYTES = 1 << 20;

    private static final Set<String> EXECUTABLE = Set.of("exe", "scr", "com", "pif", "bat", "cmd", "vbs", "vbe", "js",
            "jse", "wsf", "wsh", "hta", "msi", "msp", "dll", "cpl", "jar", "ps1", "psm1", "lnk", "reg", "iso", "img",
            "vhd", "vhdx", "apk", "sh", "elf", "appx", "msix", "chm", "xll", "sys", "gadget", "inf", "scf", "url");
    private static final Set<String> MACRO = Set.of("docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppam",
            "ppsm", "sldm", "xlsb");
    /** ZIP containers by design: their first bytes say "archive" without one being attached. */
    private static final Set<String> ZIP_BASED = Set.of("docx", "xlsx", "pptx", "odt", "ods", "odp", "docm", "xlsm",
            "pptm", "dotx", "xltx", "potx", "jar", "apk", "epub");
    private static final Pattern TRAILING_DOTS = Pattern.compile("[.\\s]+$");
    private static final Set<String> ARCHIVE = Set.of("zip", "rar", "7z", "gz", "tgz", "bz2", "xz", "cab", "arj", "ace");
    private static final Pattern PASSWORD_WORDS = Pattern.compile("(?iu)\\b(password|kata ?sandi|sandi|passcode|pwd)\\b");
    private static final byte[] OLE_VBA = "_\0V\0B\0A\0_\0P\0R\0O\0J\0E\0C\0T".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] OOXML_VBA = "vbaProject.bin".getBytes(StandardCharsets.ISO_8859_1);

    private DangerSigns() {}

    static List<String> of(ParsedMail mail) {
        List<String> signs = new ArrayList<>();
        boolean archive = false;
        for (ParsedAttachment part : mail.attachments()) {
            String name = part.filename() == null ? "(tanpa nama, " + part.contentType() + ")" : part.filename();
            byte[] head = head(part);
            String extension = extension(part.filename());
            if (EXECUTABLE.contains(extension) || startsWith(head, 'M', 'Z') || startsWith(head, 0x7f, 'E', 'L', 'F')) {
                signs.add("Lampiran berupa program atau skrip: " + name + " - jangan dijalankan");
            } else if (MACRO.contains(extension) || isOle(head) && contains(head, OLE_VBA)
                    || isZip(head) && contains(head, OOXML_VBA)) {
                signs.add("Dokumen bermakro: " + name + " - buka hanya di lingkungan analisis");
            }
            if (isZip(head) && zipEncrypted(head)) {
                signs.add("Arsip terkunci kata sandi: " + name + " - isinya tidak dapat diperiksa pemindai");
            }
            archive |= ARCHIVE.contains(extension) || isZip(head) && !ZIP_BASED.contains(extension);
        }
        if (archive && PASSWORD_WORDS.matcher(mail.bodyText()).find()) {
            signs.add("Arsip dengan kata sandi yang disebut di isi pesan: pola umum pengiriman malware");
        }
        for (HtmlLink link : mail.links()) {
            if (link.deceptive()) {
                signs.add("Tautan menipu: teks \"" + Defanged.text(link.text()) + "\" mengarah ke "
                        + Defanged.text(link.target()));
            }
        }
        return signs;
    }

    private static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        String trimmed = TRAILING_DOTS.matcher(filename.strip().toLowerCase(Locale.ROOT)).replaceAll("");
        int dot = trimmed.lastIndexOf('.');
        return dot < 0 ? "" : trimmed.substring(dot + 1);
    }

    private static byte[] head(ParsedAttachment part) {
        try (InputStream in = part.content().open()) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException | RuntimeException unreadable) {
            return new byte[0];
        }
    }

    private static boolean isZip(byte[] head) {
        return startsWith(head, 'P', 'K', 3, 4);
    }

    /**
     * An OLE compound file (the old Office formats), where a VBA project is a stream named in
     * the clear: only there is the name looked for, not through every attachment's first
     * megabyte (a PDF or a picture cannot carry one readable so).
     */
    private static boolean isOle(byte[] head) {
        return startsWith(head, 0xD0, 0xCF, 0x11, 0xE0);
    }

    /** Any local file header in the head with the "encrypted" flag (bit 0 of the general purpose flags). */
    private static boolean zipEncrypted(byte[] head) {
        for (int i = 0; i + 8 <= head.length; i++) {
            if (head[i] == 'P' && head[i + 1] == 'K' && head[i + 2] == 3 && head[i + 3] == 4 && (head[i + 6] & 1) == 1) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] head, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= head.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (head[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
