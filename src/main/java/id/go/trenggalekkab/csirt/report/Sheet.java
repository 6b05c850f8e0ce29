package id.go.trenggalekkab.csirt.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import id.go.trenggalekkab.csirt.report.ReportFonts.Style;
import java.awt.Color;

/** One report being written: its fonts, and whether any character could not be shown. */
final class Sheet {

    private final ReportFonts fonts;
    private boolean lossy;

    /** Whether a character of the text could not be shown by any of the fonts (printed as U+FFFD). */
    boolean lossy() {
        return lossy;
    }

    Sheet(ReportFonts fonts) {
        this.fonts = fonts;
    }

    Phrase phrase(String text, Style style) {
        if (text != null && !fonts.covers(text)) {
            lossy = true;
        }
        return fonts.phrase(text, style);
    }

    Paragraph paragraph(String text, Style style) {
        return new Paragraph(phrase(text, style));
    }

    void heading(Document doc, String text) throws DocumentException {
        Paragraph p = paragraph(text, Style.HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    static PdfPTable table(int columns, float... widths) throws DocumentException {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setWidths(widths);
        return table;
    }

    void header(PdfPTable table, String... titles) {
        for (String title : titles) {
            PdfPCell c = cell(title, Style.HEADING);
            c.setBackgroundColor(new Color(230, 230, 230));
            table.addCell(c);
        }
    }

    void row(PdfPTable table, String label, String value) {
        table.addCell(cell(label, Style.HEADING));
        table.addCell(cell(value, Style.TEXT));
    }

    PdfPCell cell(String text, Style style) {
        PdfPCell c = new PdfPCell(phrase(text, style));
        c.setPadding(3);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        return c;
    }
}
