package id.go.trenggalekkab.csirt.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's text as a recipient who must not know the reporter may read it (UU 27/2022):
 * the reporter's address and name, their signature, and telephone numbers taken out,
 * each replaced by a word saying what stood there. What the report says of the incident
 * stays, other people's addresses included: they are evidence.
 */
public final class PersonalData {

    static final String ADDRESS = "[alamat pelapor]";
    static final String NAME = "[nama pelapor]";
    static final String PHONE = "[nomor telepon]";
    static final String SIGNATURE = "[tanda tangan dihapus]";

    /** +62 812-3456-7890, 0812 3456 7890, (0355) 791234: a leading + or 0, then 9 to 15 digits in all. */
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\w.])(?:\\+\\d|\\(?0)[\\d\\s().-]{7,22}\\d(?!\\w|\\.\\d)");
    private static final Pattern CLOSING = Pattern.compile(
            "(?i)^\\s*(salam|hormat (saya|kami)|terima ?kasih|wassalam\\S*|regards|best regards|kind regards|thanks|"
                    + "thank you|sincerely)[\\s,.!]*$");
    /** A closing this near the end starts the signature. */
    private static final int SIGNATURE_LINES = 8;

    private PersonalData() {}

    public static String redact(String text, String reporterName, String reporterAddress) {
        if (text == null) {
            return "";
        }
        String out = withoutSignature(text);
        if (reporterAddress != null && !reporterAddress.isBlank()) {
            out = Pattern.compile(Pattern.quote(reporterAddress), Pattern.CASE_INSENSITIVE).matcher(out)
                    .replaceAll(Matcher.quoteReplacement(ADDRESS));
        }
        for (String name : nameForms(reporterName)) {
            out = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out).replaceAll(Matcher.quoteReplacement(NAME));
        }
        Matcher phone = PHONE_NUMBER.matcher(out);
        StringBuilder redacted = new StringBuilder();
        while (phone.find()) {
            long digits = phone.group().chars().filter(Character::isDigit).count();
            phone.appendReplacement(redacted, Matcher.quoteReplacement(digits >= 9 && digits <= 15 ? PHONE : phone.group()));
        }
        phone.appendTail(redacted);
        return redacted.toString();
    }

    /** The whole name first, then each word of it of three letters or more. */
    private static List<String> nameForms(String name) {
        List<String> forms = new ArrayList<>();
        if (name == null || name.isBlank()) {
            return forms;
        }
        forms.add(name.strip());
        Arrays.stream(name.strip().split("[\\s,.]+")).filter(w -> w.length() >= 3)
                .sorted(Comparator.comparingInt(String::length).reversed()).forEach(forms::add);
        return forms;
    }

    private static String withoutSignature(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int last = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals("-- ") || lines[i].equals("--")) {
                last = i;
                break;
            }
        }
        int nonEmptySeen = 0;
        for (int i = last - 1; i >= 0 && nonEmptySeen < SIGNATURE_LINES; i--) {
            if (lines[i].isBlank()) {
                continue;
            }
            nonEmptySeen++;
            if (CLOSING.matcher(lines[i]).matches()) {
                last = i;
            }
        }
        if (last == lines.length) {
            return text;
        }
        return String.join("\n", Arrays.copyOfRange(lines, 0, last)).stripTrailing() + "\n" + SIGNATURE;
    }
}
