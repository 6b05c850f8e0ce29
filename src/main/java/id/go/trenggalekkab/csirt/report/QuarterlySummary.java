package id.go.trenggalekkab.csirt.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.go.trenggalekkab.csirt.report.ReportFonts.Style;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Category;
import id.go.trenggalekkab.csirt.sop.Priority;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.Wib;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A quarter's incidents for the agency's own reporting (issue 14; BSSN regulation 1/2024
 * asks agencies to report their incidents): every case received in the quarter (WIB),
 * counted by RSIT class, and listed one per row with its number, dates, class, priority,
 * TLP, step and how many indicators it has. Nothing of the reporters, no subject lines.
 * A TLP:RED case is counted but not listed. As CSV for a spreadsheet and as PDF.
 */
@Component
public class QuarterlySummary {

    /** One case of the quarter, as the summary lists it. */
    public record Row(String number, String received, String rsitClass, String type, String priority, String tlp,
                      String step, String closed, int indicators) {}

    /** The quarter's cases: those listed, how many were TLP:RED (counted, not listed), and the count by class. */
    public record Quarter(int year, int quarter, List<Row> rows, int red, Map<String, Integer> byClass) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportFonts fonts;
    private final CsirtProperties properties;
    private final Clock clock;

    QuarterlySummary(NamedParameterJdbcTemplate jdbc, CsirtProperties properties, Clock clock,
                     @Value("${csirt.report.extra-fonts:}") List<String> extraFonts) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.fonts = new ReportFonts(extraFonts);
    }

    public Quarter of(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4, not " + quarter);
        }
        LocalDate first = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        Instant from = first.atStartOfDay(Wib.ZONE).toInstant();
        Instant to = first.plusMonths(3).atStartOfDay(Wib.ZONE).toInstant();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> byClass = new TreeMap<>();
        int[] red = {0};
        jdbc.query("""
                SELECT t.number, t.received_at, t.category, t.subcategory, t.priority, t.tlp, t.status,
                       (SELECT max(s.entered_at) FROM case_step s WHERE s.ticket_id = t.id AND s.step = 'CLOSED') AS closed_at,
                       (SELECT count(*) FROM indicator i WHERE i.ticket_id = t.id AND i.removed_at IS NULL) AS indicators
                  FROM ticket t
                 WHERE t.received_at >= :from AND t.received_at < :to
                   AND t.status NOT IN ('AUTOMATIC', 'DISMISSED', 'MERGED')
                 ORDER BY t.received_at, t.id
                """, new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), rs -> {
            CaseStep step = CaseStep.valueOf(rs.getString("status"));
            String rsit = step == CaseStep.NOT_AN_INCIDENT ? "(bukan insiden)"
                    : rs.getString("category") == null ? "(belum dikategorikan)" : rs.getString("category");
            byClass.merge(rsit, 1, Integer::sum);
            if ("RED".equals(rs.getString("tlp"))) {
                red[0]++;
                return;
            }
            Timestamp closed = rs.getTimestamp("closed_at");
            Category category = Category.ofStored(rs.getString("category"), rs.getString("subcategory"));
            rows.add(new Row(rs.getString("number"), Wib.human(rs.getTimestamp("received_at").toInstant()),
                    category == null ? "" : category.taxonomyClass(), category == null || category.subtype() == null ? ""
                    : category.subtype(), rs.getString("priority") == null ? "" : rs.getString("priority"),
                    rs.getString("tlp"), step.describe(), closed == null ? "" : Wib.human(closed.toInstant()),
                    rs.getInt("indicators")));
        });
        return new Quarter(year, quarter, rows, red[0], byClass);
    }

    /**
     * RFC 4180, UTF-8 with a byte-order mark (spreadsheets then read it as UTF-8). A cell
     * that a spreadsheet would take for a formula (=, +, -, @, tab, CR) is written with a
     * leading apostrophe: an officer's free text after '/' in a category cannot become one.
     */
    public byte[] csv(Quarter quarter) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, "nomor", "diterima_wib", "kelas_rsit", "jenis", "prioritas", "tlp", "langkah", "selesai_wib", "indikator");
        for (Row r : quarter.rows()) {
            line(out, r.number(), r.received(), r.rsitClass(), r.type(), r.priority(), r.tlp(), r.step(), r.closed(),
                    Integer.toString(r.indicators()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    public byte[] pdf(Quarter quarter) {
        Sheet sheet = new Sheet(fonts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Rekapitulasi insiden siber triwulan " + quarter.quarter() + " tahun " + quarter.year());
            doc.addAuthor(properties.deskName());
            doc.open();
            doc.add(sheet.paragraph("Rekapitulasi Insiden Siber, Triwulan " + quarter.quarter() + " Tahun " + quarter.year(),
                    Style.TITLE));
            doc.add(sheet.paragraph(properties.deskName() + "  |  dibuat " + Wib.human(clock.instant()), Style.SMALL));

            sheet.heading(doc, "1. Jumlah menurut kelas RSIT");
            PdfPTable totals = Sheet.table(2, 4f, 1f);
            sheet.header(totals, "Kelas (Reference Security Incident Taxonomy)", "Jumlah");
            int all = 0;
            for (Map.Entry<String, Integer> e : quarter.byClass().entrySet()) {
                totals.addCell(sheet.cell(e.getKey(), Style.TEXT));
                totals.addCell(sheet.cell(Integer.toString(e.getValue()), Style.TEXT));
                all += e.getValue();
            }
            totals.addCell(sheet.cell("Jumlah laporan", Style.HEADING));
            totals.addCell(sheet.cell(Integer.toString(all), Style.HEADING));
            doc.add(totals);

            sheet.heading(doc, "2. Daftar kasus");
            if (quarter.red() > 0) {
                doc.add(sheet.paragraph(quarter.red() + " kasus berlabel TLP:RED dihitung di atas tetapi tidak dirinci.",
                        Style.SMALL));
            }
            PdfPTable list = Sheet.table(8, 1.7f, 1.9f, 2.3f, 1.4f, 0.9f, 1.1f, 2.2f, 0.8f);
            sheet.header(list, "Nomor", "Diterima (WIB)", "Kelas RSIT", "Jenis", "Prioritas", "TLP", "Langkah / selesai", "IoC");
            for (Row r : quarter.rows()) {
                list.addCell(sheet.cell(r.number(), Style.SMALL));
                list.addCell(sheet.cell(r.received(), Style.SMALL));
                list.addCell(sheet.cell(r.rsitClass(), Style.SMALL));
                list.addCell(sheet.cell(r.type(), Style.SMALL));
                // the CSV keeps the stored value (data); people read the word they write in #prioritas
                list.addCell(sheet.cell(r.priority().isEmpty() ? "" : Priority.ofStored(r.priority()).indonesian(), Style.SMALL));
                list.addCell(sheet.cell(r.tlp(), Style.SMALL));
                list.addCell(sheet.cell(r.step() + (r.closed().isEmpty() ? "" : ", " + r.closed()), Style.SMALL));
                list.addCell(sheet.cell(Integer.toString(r.indicators()), Style.SMALL));
            }
            doc.add(list);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("quarterly summary " + quarter.year() + "Q" + quarter.quarter()
                    + " could not be rendered", e);
        }
        return out.toByteArray();
    }
}
