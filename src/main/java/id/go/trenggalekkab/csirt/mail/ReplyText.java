package id.go.trenggalekkab.csirt.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person wrote in a reply, without the quoted earlier message and the signature:
 * the note that goes with their command. Recognises the quote headers of common clients
 * in Indonesian and English (Gmail, Outlook, Thunderbird, Apple Mail), '>' quoting, and
 * the "-- " signature delimiter.
 */
public final class ReplyText {

    private static final List<Pattern> QUOTE_STARTS = List.of(
            // Gmail / Thunderbird / Apple Mail: "On Mon, 1 Dec 2026 at 10:00, Budi <b@x> wrote:"
            Pattern.compile("^(On|Pada|Am|Le|El)\\s.{0,200}(wrote|menulis|schrieb|a écrit|escribió)\\s*:\\s*$",
                    Pattern.CASE_INSENSITIVE),
            // Outlook
            Pattern.compile("^-{2,}\\s*(Original Message|Pesan Asli|Pesan Awal|Forwarded message|Pesan yang diteruskan)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^_{10,}\\s*$"),
            Pattern.compile("^(From|Dari)\\s*:\\s.+$", Pattern.CASE_INSENSITIVE));
    private static final Pattern OUTLOOK_NEXT = Pattern.compile("^(Sent|Date|Dikirim|Tanggal|To|Kepada)\\s*:.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_DATE = Pattern.compile("(?i)^(On|Pada)\\s.{0,200}");
    private static final Pattern ENDS_WROTE = Pattern.compile("(?i).*(wrote|menulis)\\s*:\\s*$");
    private static final Pattern WROTE_ON_NEXT_LINE = Pattern.compile("^.{0,200}(wrote|menulis)\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE);

    private ReplyText() {}

    public static String strip(String body) {
        if (body == null) {
            return "";
        }
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (line.equals("-- ") || line.equals("--")) {
                break;
            }
            if (startsQuote(trimmed, i + 1 < lines.length ? lines[i + 1].strip() : "")) {
                break;
            }
            if (trimmed.startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }

    private static boolean startsQuote(String line, String next) {
        if (ON_DATE.matcher(line).matches() && WROTE_ON_NEXT_LINE.matcher(next).matches()
                && !ENDS_WROTE.matcher(line).matches()) {
            return true;
        }
        for (int p = 0; p < QUOTE_STARTS.size(); p++) {
            if (QUOTE_STARTS.get(p).matcher(line).matches()) {
                // "From:" alone is ordinary text; as Outlook's quote header the next line says Sent:/Date:
                return p < QUOTE_STARTS.size() - 1 || OUTLOOK_NEXT.matcher(next).matches();
            }
        }
        return false;
    }
}
