package id.go.trenggalekkab.csirt.indicator;

import java.util.List;

/**
 * Undoes the defanging people use so that indicators do not become links:
 * {@code hxxp://}, {@code hxxps://}, {@code fxp://}, {@code [.]}, {@code (.)}, {@code {.}},
 * {@code [dot]}, {@code (dot)}, {@code [@]}, {@code (at)}, {@code [at]}, {@code [:]},
 * {@code [://]}, {@code [/]}. One pass over the text; the spaces around a bracketed
 * {@code dot} or {@code at} go with it ({@code admin (at) dinas (dot) go (dot) id}).
 * Invisible format characters go too (zero-width spaces and joiners, bidirectional
 * overrides and isolates, soft hyphens, Unicode tag characters): written inside a name
 * they hide it from a search, and a right-to-left override makes {@code fdp.exe} show as
 * {@code exe.pdf}. An indicator is stored and shown as the characters in their order.
 */
final class Refang {

    private record Replacement(String from, String to, boolean eatsSpaces) {}

    private static final List<Replacement> REPLACEMENTS = List.of(
            new Replacement("hxxps://", "https://", false),
            new Replacement("hxxp://", "http://", false),
            new Replacement("hxxps[://]", "https://", false),
            new Replacement("hxxp[://]", "http://", false),
            new Replacement("fxp://", "ftp://", false),
            new Replacement("fxp[://]", "ftp://", false),
            new Replacement("[://]", "://", false),
            new Replacement("[.]", ".", false),
            new Replacement("(.)", ".", false),
            new Replacement("{.}", ".", false),
            new Replacement("[dot]", ".", true),
            new Replacement("(dot)", ".", true),
            new Replacement("{dot}", ".", true),
            new Replacement("[@]", "@", false),
            new Replacement("[at]", "@", true),
            new Replacement("(at)", "@", true),
            new Replacement("{at}", "@", true),
            new Replacement("[:]", ":", false),
            new Replacement("[/]", "/", false));

    private Refang() {}

    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            char c = text.charAt(i);
            int codePoint = text.codePointAt(i);
            if (Character.getType(codePoint) == Character.FORMAT) {
                i += Character.charCount(codePoint);
                continue;
            }
            if (c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == '[' || c == '(' || c == '{') {
                for (Replacement r : REPLACEMENTS) {
                    if (text.regionMatches(true, i, r.from(), 0, r.from().length())) {
                        if (r.eatsSpaces()) {
                            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                                out.setLength(out.length() - 1);
                            }
                        }
                        out.append(r.to());
                        i += r.from().length();
                        if (r.eatsSpaces()) {
                            while (i < text.length() && text.charAt(i) == ' ') {
                                i++;
                            }
                        }
                        continue outer;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
