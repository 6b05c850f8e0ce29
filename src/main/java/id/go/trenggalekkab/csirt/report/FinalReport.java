package id.go.trenggalekkab.csirt.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.go.trenggalekkab.csirt.evidence.EvidenceRepository;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.CaseRepository;
import id.go.trenggalekkab.csirt.workflow.StepVisit;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * SOP step 12's output, <i>Laporan Penanganan Insiden Siber</i>: the case, its SOP steps
 * with their time standards, the chronology from the logbook, the categorisation, the
 * cause analysis and recommendations given along the way, and the evidence hashes.
 * Rendered by OpenPDF from the database, so it always says what the record says.
 */
@Component
public class FinalReport {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7.5f);
    private static final Font MONO = FontFactory.getFont(FontFactory.COURIER, 7);

    private final TicketRepository tickets;
    private final EvidenceRepository evidence;
    private final CaseRepository cases;
    private final Logbook logbook;
    private final CsirtProperties properties;
    private final Clock clock;

    public FinalReport(TicketRepository tickets, EvidenceRepository evidence, CaseRepository cases, Logbook logbook,
                       CsirtProperties properties, Clock clock) {
        this.tickets = tickets;
        this.evidence = evidence;
        this.cases = cases;
        this.logbook = logbook;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<byte[]> render(TicketNumber number) {
        return tickets.find(number).map(this::render);
    }

    byte[] render(Ticket t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Laporan Penanganan Insiden Siber " + t.number());
            doc.addAuthor(properties.deskName());
            doc.open();
            doc.add(new Paragraph("Laporan Penanganan Insiden Siber", TITLE));
            doc.add(new Paragraph(properties.deskName() + " - Dinas Komunikasi dan Informatika Kabupaten Trenggalek", TEXT));
            doc.add(new Paragraph("TLP:" + t.tlp() + "  |  dibuat " + Wib.human(clock.instant()), SMALL));

            List<StepVisit> history = cases.history(t.id());
            heading(doc, "1. Identitas kasus");
            PdfPTable identity = table(2, 1f, 3f);
            row(identity, "Nomor tiket", t.number().toString());
            row(identity, "Status", t.step().describe());
            row(identity, "Pelapor", (t.reporterName() == null ? "" : t.reporterName() + " ")
                    + "<" + (t.reporterAddress() == null ? "-" : t.reporterAddress()) + ">");
            row(identity, "Perihal", t.subject());
            row(identity, "Diterima", Wib.human(t.receivedAt()));
            row(identity, "Selesai", history.stream().filter(v -> v.step() == CaseStep.CLOSED).map(v -> Wib.human(v.enteredAt()))
                    .reduce((a, b) -> b).orElse("-"));
            row(identity, "Kategori", t.category() == null ? "-" : t.category().taxonomyClass()
                    + (t.category().subtype() == null ? "" : " / " + t.category().subtype()));
            row(identity, "Prioritas", t.priority() == null ? "-" : t.priority().name());
            row(identity, "Petugas", t.assignee() == null ? "-" : t.assignee());
            doc.add(identity);

            heading(doc, "2. Langkah SOP dan waktu standar");
            PdfPTable steps = table(5, 2.2f, 1.6f, 1.6f, 1.1f, 3f);
            header(steps, "Langkah", "Masuk", "Keluar", "Mutu baku", "Oleh / catatan");
            for (StepVisit v : history) {
                steps.addCell(cell(v.step().describe(), SMALL));
                steps.addCell(cell(Wib.human(v.enteredAt()), SMALL));
                steps.addCell(cell(v.leftAt() == null ? "-" : Wib.human(v.leftAt()), SMALL));
                steps.addCell(cell(timeliness(v), SMALL));
                steps.addCell(cell((v.leftBy() == null ? "" : v.leftBy()) + (v.note() == null ? "" : ": " + v.note()), SMALL));
            }
            doc.add(steps);

            heading(doc, "3. Analisis penyebab dan rekomendasi");
            for (StepVisit v : history) {
                if (v.note() != null && List.of(CaseStep.ANALYSIS, CaseStep.APH_HANDLING, CaseStep.APH_REPORT, CaseStep.REPAIR,
                        CaseStep.RESOLUTION_ANALYSIS).contains(v.step())) {
                    doc.add(new Paragraph(v.step().describe() + " (" + v.leftBy() + "): " + v.note(), TEXT));
                }
            }

            heading(doc, "4. Kronologi (Logbook Keamanan Siber)");
            PdfPTable chronology = table(3, 1.6f, 1.8f, 5f);
            header(chronology, "Waktu (WIB)", "Pelaku", "Kejadian");
            for (Logbook.Entry e : logbook.forTicket(t.id())) {
                if (e.event().equals(LogbookEvent.HANDLER_REPORT_UNAUTHENTICATED.name())) {
                    // kept in the logbook, but not believed enough to be part of the record
                    continue;
                }
                chronology.addCell(cell(Wib.human(e.at()), SMALL));
                chronology.addCell(cell(e.actor(), SMALL));
                chronology.addCell(cell(e.event() + (e.detail() == null ? "" : ": " + truncate(e.detail(), 300)), SMALL));
            }
            doc.add(chronology);

            heading(doc, "5. Bukti dan nilai SHA-256");
            PdfPTable hashes = table(3, 2.2f, 0.9f, 5f);
            header(hashes, "Berkas", "Ukuran (byte)", "SHA-256");
            for (EvidenceRepository.Evidence e : evidence.evidence(t.id(), 0)) {
                hashes.addCell(cell(e.filename(), SMALL));
                hashes.addCell(cell(Long.toString(e.size()), SMALL));
                hashes.addCell(cell(e.sha256(), MONO));
            }
            doc.add(hashes);

            List<Long> linked = cases.linkedCases(t.id());
            if (!linked.isEmpty()) {
                heading(doc, "6. Laporan lain atas insiden yang sama (digabung)");
                doc.add(new Paragraph("Bukti setiap laporan tetap pada tiketnya sendiri, dengan nilai SHA-256-nya.", SMALL));
                PdfPTable others = table(3, 2.2f, 0.9f, 5f);
                header(others, "Tiket / berkas", "Ukuran (byte)", "SHA-256");
                for (long id : linked) {
                    Ticket other = tickets.get(id);
                    for (EvidenceRepository.Evidence e : evidence.evidence(id, 0)) {
                        others.addCell(cell(other.number() + ": " + e.filename(), SMALL));
                        others.addCell(cell(Long.toString(e.size()), SMALL));
                        others.addCell(cell(e.sha256(), MONO));
                    }
                }
                doc.add(others);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("final report of " + t.number() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static String timeliness(StepVisit v) {
        if (v.deadline() == null) {
            return "-";
        }
        Instant done = v.leftAt();
        if (done == null) {
            return "berjalan";
        }
        return done.isAfter(v.deadline()) ? "terlambat" : "tepat waktu";
    }

    private static void heading(Document doc, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static PdfPTable table(int columns, float... widths) throws DocumentException {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setWidths(widths);
        return table;
    }

    private static void header(PdfPTable table, String... titles) {
        for (String title : titles) {
            PdfPCell c = cell(title, HEADING);
            c.setBackgroundColor(new Color(230, 230, 230));
            table.addCell(c);
        }
    }

    private static void row(PdfPTable table, String label, String value) {
        table.addCell(cell(label, HEADING));
        table.addCell(cell(value, TEXT));
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(new Chunk(text == null ? "" : text, font)));
        c.setPadding(3);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        return c;
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
