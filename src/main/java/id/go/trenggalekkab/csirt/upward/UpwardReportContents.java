package id.go.trenggalekkab.csirt.upward;

import id.go.trenggalekkab.csirt.evidence.EvidenceRepository;
import id.go.trenggalekkab.csirt.indicator.CaseIndicators;
import id.go.trenggalekkab.csirt.indicator.Indicator;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.EchoedText;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.workflow.CaseRepository;
import id.go.trenggalekkab.csirt.workflow.PersonalData;
import id.go.trenggalekkab.csirt.workflow.StepVisit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the report upward says, as art. 15 of BSSN regulation 1/2024 asks at least: who
 * reports (the organisation, not the reporter, unless configured), a description, the
 * chronology from the case's step history, the impact, the category, the indicators
 * (defanged) and the TLP. The same contents go to the officers as the draft and to the
 * CSIRTs as the report, built afresh each time, so the report carries the history up to
 * its sending.
 */
@Component
class UpwardReportContents {

    /** The report's own text beyond this is cut; the desk keeps it whole as evidence. */
    static final int MAX_DESCRIPTION_CHARS = 4000;

    private final CaseRepository cases;
    private final EvidenceRepository evidence;
    private final CaseIndicators indicators;
    private final UpwardProperties properties;
    private final String deskName;

    UpwardReportContents(CaseRepository cases, EvidenceRepository evidence, CaseIndicators indicators,
                         UpwardProperties properties, CsirtProperties desk) {
        this.cases = cases;
        this.evidence = evidence;
        this.indicators = indicators;
        this.properties = properties;
        this.deskName = desk.deskName();
    }

    /**
     * Template {@code upward-report}: the report to a CSIRT ({@code draft} false) or the
     * draft to an officer.
     *
     * @param officerWrote whether the description is the officer's (the command mail's body) or the report's own text
     * @param update       sent before: this is a further report on the same incident
     */
    record UpwardReportMail(CaseHeading ticket, String name, boolean draft, boolean update, String organisation,
                            String contact, String reporter, String description, boolean officerWrote,
                            List<String> chronology, String priority, List<String> vitalSystems, String deadline,
                            String category, List<String> indicators, List<String> addressees) implements MailModel {

        @Override
        public String template() {
            return "upward-report";
        }

        public boolean vital() {
            return !vitalSystems.isEmpty();
        }

        public boolean hasIndicators() {
            return !indicators.isEmpty();
        }

        public boolean hasReporter() {
            return reporter != null;
        }

        public boolean hasAddressees() {
            return !addressees.isEmpty();
        }
    }

    UpwardReportMail of(Ticket ticket, UpwardReportRepository.Owed owed, String recipientName, boolean draft,
                        String officerText, List<String> addressees, Instant now) {
        boolean officerWrote = officerText != null && !officerText.isBlank();
        String description = officerWrote ? officerText.strip() : reportText(ticket);
        List<String> vital = owed.vital() ? List.of(owed.vitalSystems().split(",")) : List.of();
        return new UpwardReportMail(CaseHeading.of(ticket), recipientName, draft, owed.timesSent() > 0, deskName,
                properties.contact() == null || properties.contact().isBlank() ? "" : properties.contact().strip(),
                properties.includeReporter() ? reporter(ticket) : null, description, officerWrote,
                chronology(ticket, now, draft), ticket.priority() == null ? "belum ditetapkan" : ticket.priority().indonesian(),
                vital, owed.deadline() == null ? null : Wib.human(owed.deadline()),
                ticket.category() == null ? "belum ditetapkan" : ticket.category().toString(),
                indicators.onCase(ticket.id()).stream().map(Indicator::forPeople).toList(), addressees);
    }

    /** The report's words; without the reporter's name, address, telephone and signature unless configured. */
    private String reportText(Ticket ticket) {
        String text = evidence.reportText(ticket.id());
        if (!properties.includeReporter()) {
            text = PersonalData.redact(text, ticket.reporterName(), ticket.reporterAddress());
        }
        // echoed in the officer's draft, which they answer: no command word, no ticket tag
        text = EchoedText.defang(text.strip());
        return text.length() > MAX_DESCRIPTION_CHARS ? text.substring(0, MAX_DESCRIPTION_CHARS) + "\n[...]" : text;
    }

    private static String reporter(Ticket ticket) {
        if (ticket.reporterAddress() == null) {
            return "-";
        }
        return ticket.reporterName() == null || ticket.reporterName().isBlank() ? ticket.reporterAddress()
                : ticket.reporterName() + " <" + ticket.reporterAddress() + ">";
    }

    /** When the report came, then each step the case entered, in WIB; the sending last. */
    private List<String> chronology(Ticket ticket, Instant now, boolean draft) {
        List<String> lines = new ArrayList<>();
        lines.add(Wib.human(ticket.receivedAt()) + "  laporan diterima " + deskName);
        for (StepVisit visit : cases.history(ticket.id())) {
            lines.add(Wib.human(visit.enteredAt()) + "  " + visit.step().describe());
        }
        lines.add(Wib.human(now) + "  " + (draft ? "draf laporan ini disusun" : "laporan ini dikirim"));
        return lines;
    }
}
