package id.go.trenggalekkab.csirt.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts of the final report, embedded in every PDF (subset) so that it prints the same
 * everywhere: DejaVu Sans, Bold and Sans Mono, shipped in the jar (Latin, Greek, Cyrillic,
 * Arabic, Hebrew, Armenian, Georgian and more), then any further font files the operator
 * names ({@code CSIRT_REPORT_EXTRA_FONTS}, e.g. Debian's Noto CJK) for scripts DejaVu
 * lacks. Each run of text is set in the first font that has its glyphs; a character none
 * has becomes U+FFFD and the report says that something could not be shown, rather than
 * dropping it without a trace.
 */
final class ReportFonts {

    private static final Logger log = LoggerFactory.getLogger(ReportFonts.class);
    private static final int REPLACEMENT = 0xFFFD;

    enum Style {
        TITLE(true, false, 15), HEADING(true, false, 11), TEXT(false, false, 9), SMALL(false, false, 7.5f), MONO(false, true, 7);

        final boolean bold;
        final boolean mono;
        final float size;

        Style(boolean bold, boolean mono, float size) {
            this.bold = bold;
            this.mono = mono;
            this.size = size;
        }
    }

    private final BaseFont regular;
    private final BaseFont bold;
    private final BaseFont mono;
    private final List<BaseFont> extras = new ArrayList<>();

    ReportFonts(List<String> extraFontFiles) {
        this.regular = shipped("DejaVuSans.ttf");
        this.bold = shipped("DejaVuSans-Bold.ttf");
        this.mono = shipped("DejaVuSansMono.ttf");
        for (String file : extraFontFiles) {
            if (file == null || file.isBlank()) {
                continue;
            }
            String path = file.strip();
            // a TrueType collection names its member: NotoSansCJK-Regular.ttc,0
            String onDisk = path.replaceFirst(",\\d+$", "");
            if (!Files.isReadable(Path.of(onDisk))) {
                log.warn("Report font {} cannot be read; the final report goes without it", path);
                continue;
            }
            try {
                extras.add(BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
            } catch (DocumentException | IOException e) {
                log.warn("Report font {} is not a font OpenPDF can embed ({}); the final report goes without it", path, e.toString());
            }
        }
    }

    /** Whether every character of the text has a glyph in one of the fonts. */
    boolean covers(String text) {
        return text.codePoints().allMatch(this::covered);
    }

    /** The text in this style, each run in the first font that has its glyphs. */
    Phrase phrase(String text, Style style) {
        Phrase phrase = new Phrase();
        if (text == null || text.isEmpty()) {
            phrase.add(new Chunk("", font(primary(style), style)));
            return phrase;
        }
        BaseFont current = null;
        StringBuilder run = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            int shown = Character.isWhitespace(cp) || covered(cp) ? cp : REPLACEMENT;
            BaseFont font = fontFor(shown, style);
            if (current != null && font != current) {
                phrase.add(new Chunk(run.toString(), font(current, style)));
                run.setLength(0);
            }
            current = font;
            run.appendCodePoint(shown);
        }
        phrase.add(new Chunk(run.toString(), font(current, style)));
        return phrase;
    }

    private boolean covered(int cp) {
        if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
            return true;
        }
        if (regular.charExists(cp)) {
            return true;
        }
        return extras.stream().anyMatch(f -> f.charExists(cp));
    }

    private BaseFont fontFor(int cp, Style style) {
        BaseFont primary = primary(style);
        if (Character.isWhitespace(cp) || primary.charExists(cp)) {
            return primary;
        }
        if (regular.charExists(cp)) {
            return regular;
        }
        return extras.stream().filter(f -> f.charExists(cp)).findFirst().orElse(regular);
    }

    private BaseFont primary(Style style) {
        return style.mono ? mono : style.bold ? bold : regular;
    }

    private static Font font(BaseFont base, Style style) {
        return new Font(base, style.size);
    }

    private static BaseFont shipped(String name) {
        try (InputStream in = ReportFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the font " + name + " is missing from the jar (src/main/resources/fonts)");
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + name + " cannot be read from the jar", e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the font " + name + " cannot be embedded", e);
        }
    }
}
