package id.go.trenggalekkab.csirt.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.go.trenggalekkab.csirt.evidence.EvidenceRepository;
import id.go.trenggalekkab.csirt.indicator.IndicatorRepository;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.report.ReportFonts.Style;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.CaseRepository;
import id.go.trenggalekkab.csirt.workflow.StepVisit;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SOP step 12's output, <i>Laporan Penanganan Insiden Siber</i>: the case, its SOP steps
 * with their time standards, the chronology from the logbook, the categorisation, the
 * cause analysis and recommendations given along the way, and the evidence hashes.
 * Rendered by OpenPDF from the database, so it always says what the record says.
 */
@Component
public class FinalReport {

    private static final Style TITLE = Style.TITLE;
    private static final Style HEADING = Style.HEADING;
    private static final Style TEXT = Style.TEXT;
    private static final Style SMALL = Style.SMALL;
    private static final Style MONO = Style.MONO;

    private final ReportFonts fonts;
    private final TicketRepository tickets;
    private final EvidenceRepository evidence;
    private final CaseRepository cases;
    private final Logbook logbook;
    private final CsirtProperties properties;
    private final Clock clock;
    private final IndicatorRepository indicators;

    public FinalReport(TicketRepository tickets, EvidenceRepository evidence, CaseRepository cases, Logbook logbook,
                       CsirtProperties properties, Clock clock, IndicatorRepository indicators,
                       @Value("${csirt.report.extra-fonts:}") List<String> extraFonts) {
        this.indicators = indicators;
        this.fonts = new ReportFonts(extraFonts);
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
        Sheet sheet = new Sheet(fonts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Laporan Penanganan Insiden Siber " + t.number());
            doc.addAuthor(properties.deskName());
            doc.open();
            doc.add(sheet.paragraph("Laporan Penanganan Insiden Siber", TITLE));
            doc.add(sheet.paragraph(properties.deskName() + " - Dinas Komunikasi dan Informatika Kabupaten Trenggalek", TEXT));
            doc.add(sheet.paragraph("TLP:" + t.tlp() + "  |  dibuat " + Wib.human(clock.instant()), SMALL));

            List<StepVisit> history = cases.history(t.id());
            sheet.heading(doc, "1. Identitas kasus");
            PdfPTable identity = Sheet.table(2, 1f, 3f);
            sheet.row(identity, "Nomor tiket", t.number().toString());
            sheet.row(identity, "Status", t.step().describe());
            sheet.row(identity, "Pelapor", (t.reporterName() == null ? "" : t.reporterName() + " ")
                    + "<" + (t.reporterAddress() == null ? "-" : t.reporterAddress()) + ">");
            sheet.row(identity, "Perihal", t.subject());
            sheet.row(identity, "Diterima", Wib.human(t.receivedAt()));
            sheet.row(identity, "Selesai", history.stream().filter(v -> v.step() == CaseStep.CLOSED).map(v -> Wib.human(v.enteredAt()))
                    .reduce((a, b) -> b).orElse("-"));
            sheet.row(identity, "Kategori", t.category() == null ? "-" : t.category().taxonomyClass()
                    + (t.category().subtype() == null ? "" : " / " + t.category().subtype()));
            sheet.row(identity, "Prioritas", t.priority() == null ? "-" : t.priority().indonesian());
            sheet.row(identity, "Petugas", t.assignee() == null ? "-" : t.assignee());
            doc.add(identity);

            sheet.heading(doc, "2. Langkah SOP dan waktu standar");
            PdfPTable steps = Sheet.table(5, 2.2f, 1.6f, 1.6f, 1.1f, 3f);
            sheet.header(steps, "Langkah", "Masuk", "Keluar", "Mutu baku", "Oleh / catatan");
            for (StepVisit v : history) {
                steps.addCell(sheet.cell(v.step().describe(), SMALL));
                steps.addCell(sheet.cell(Wib.human(v.enteredAt()), SMALL));
                steps.addCell(sheet.cell(v.leftAt() == null ? "-" : Wib.human(v.leftAt()), SMALL));
                steps.addCell(sheet.cell(timeliness(v), SMALL));
                steps.addCell(sheet.cell((v.leftBy() == null ? "" : v.leftBy()) + (v.note() == null ? "" : ": " + v.note()), SMALL));
            }
            doc.add(steps);

            sheet.heading(doc, "3. Analisis penyebab dan rekomendasi");
            for (StepVisit v : history) {
                if (v.note() != null && List.of(CaseStep.ANALYSIS, CaseStep.APH_HANDLING, CaseStep.APH_REPORT, CaseStep.REPAIR,
                        CaseStep.RESOLUTION_ANALYSIS).contains(v.step())) {
                    doc.add(sheet.paragraph(v.step().describe() + " (" + v.leftBy() + "): " + v.note(), TEXT));
                }
            }

            sheet.heading(doc, "4. Kronologi (Logbook Keamanan Siber)");
            PdfPTable chronology = Sheet.table(3, 1.6f, 1.8f, 5f);
            sheet.header(chronology, "Waktu (WIB)", "Pelaku", "Kejadian");
            for (Logbook.Entry e : logbook.forTicket(t.id())) {
                if (e.event().equals(LogbookEvent.HANDLER_REPORT_UNAUTHENTICATED.name())) {
                    // kept in the logbook, but not believed enough to be part of the record
                    continue;
                }
                chronology.addCell(sheet.cell(Wib.human(e.at()), SMALL));
                chronology.addCell(sheet.cell(e.actor(), SMALL));
                chronology.addCell(sheet.cell(e.event() + (e.detail() == null ? "" : ": " + truncate(e.detail(), 300)), SMALL));
            }
            doc.add(chronology);

            sheet.heading(doc, "5. Bukti dan nilai SHA-256");
            PdfPTable hashes = Sheet.table(3, 2.2f, 0.9f, 5f);
            sheet.header(hashes, "Berkas", "Ukuran (byte)", "SHA-256");
            for (EvidenceRepository.Evidence e : evidence.evidence(t.id(), 0)) {
                hashes.addCell(sheet.cell(e.filename(), SMALL));
                hashes.addCell(sheet.cell(Long.toString(e.size()), SMALL));
                hashes.addCell(sheet.cell(e.sha256(), MONO));
            }
            doc.add(hashes);

            sheet.heading(doc, "6. Indikator (dijinakkan)");
            List<IndicatorRepository.StoredIndicator> found = indicators.onCase(t.id());
            if (found.isEmpty()) {
                doc.add(sheet.paragraph("Tidak ada indikator yang dikenali pada laporan.", SMALL));
            } else {
                PdfPTable table = Sheet.table(3, 1f, 4.5f, 2.5f);
                sheet.header(table, "Jenis", "Indikator", "Ditemukan");
                for (IndicatorRepository.StoredIndicator i : found) {
                    table.addCell(sheet.cell(i.type().name(), SMALL));
                    table.addCell(sheet.cell(i.indicator().defanged(), MONO));
                    table.addCell(sheet.cell(foundIn(i), SMALL));
                }
                doc.add(table);
            }

            List<Long> linked = cases.linkedCases(t.id());
            if (!linked.isEmpty()) {
                sheet.heading(doc, "7. Laporan lain atas insiden yang sama (digabung)");
                doc.add(sheet.paragraph("Bukti setiap laporan tetap pada tiketnya sendiri, dengan nilai SHA-256-nya.", SMALL));
                PdfPTable others = Sheet.table(3, 2.2f, 0.9f, 5f);
                sheet.header(others, "Tiket / berkas", "Ukuran (byte)", "SHA-256");
                for (long id : linked) {
                    Ticket other = tickets.get(id);
                    for (EvidenceRepository.Evidence e : evidence.evidence(id, 0)) {
                        others.addCell(sheet.cell(other.number() + ": " + e.filename(), SMALL));
                        others.addCell(sheet.cell(Long.toString(e.size()), SMALL));
                        others.addCell(sheet.cell(e.sha256(), MONO));
                    }
                }
                doc.add(others);
            }
            if (sheet.lossy()) {
                doc.add(sheet.paragraph("Catatan: sebagian karakter tidak dapat ditampilkan dengan font laporan ini (diganti \uFFFD); "
                        + "teks aslinya tersimpan utuh pada tiket.", SMALL));
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("final report of " + t.number() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static String foundIn(IndicatorRepository.StoredIndicator i) {
        String where = switch (i.foundIn()) {
            case TEXT -> "teks pesan";
            case HTML_LINK -> "tautan HTML";
            case ATTACHMENT -> "lampiran " + i.attachmentSha256().substring(0, 12) + "...";
            case OFFICER -> "petugas " + i.addedBy();
        };
        return where + ", " + Wib.human(i.firstSeenAt());
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

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
