package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.evidence.EvidenceRepository;
import id.go.trenggalekkab.csirt.indicator.IndicatorRepository;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailDraft;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.sop.Tlp;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * SOP step 6's hand-over: the case file to TTIS or to APH, carrying only what the
 * recipient needs (UU 27/2022). TTIS gets the officer's analysis, the report's text with
 * the reporter's personal data taken out, and the files the reporter sent; APH gets the
 * reporter's identity and their messages as received as well. Never the desk's internal
 * notes, a stranger's mail or automatic mail. Each file goes as application/octet-stream in
 * base64 (a message as an .eml), so relays leave it alone and the SHA-256 the mail names
 * for it is the one the desk holds.
 *
 * <p>Whether a case file goes by mail at all is the case's TLP: CLEAR, GREEN and AMBER to
 * every contact of the team; AMBER+STRICT only to contacts inside the desk's own
 * organisation; RED to nobody without an explicit {@code #kirim-berkas <address>} that
 * names the recipient. Everyone else gets a notice that the case is theirs, without its
 * contents. Whoever is handed the case becomes a participant, so that their replies count.
 */
@Component
class CaseFiles {

    /** A case file carries the evidence bytes up to this size; beyond it, their hashes only. */
    static final long MAX_EVIDENCE_BYTES = 20L * 1024 * 1024;

    /** Report text beyond this is cut in the mail; the evidence carries it whole. */
    private static final int MAX_REPORT_CHARS = 8000;

    private final Directory directory;
    private final EvidenceRepository evidence;
    private final CaseRepository cases;
    private final Mailer mailer;
    private final Optional<String> deskOrganisation;
    private final IndicatorRepository indicators;

    CaseFiles(Directory directory, EvidenceRepository evidence, CaseRepository cases, Mailer mailer,
              CsirtProperties properties, IndicatorRepository indicators) {
        this.indicators = indicators;
        this.directory = directory;
        this.evidence = evidence;
        this.cases = cases;
        this.mailer = mailer;
        this.deskOrganisation = SenderAuthentication.organisationalDomain(properties.deskDomain());
    }

    /**
     * Template {@code case-file}: the case file, or, where it is {@code withheld}, the
     * notice that the case is the recipient's without its contents.
     */
    record CaseFileMail(CaseHeading ticket, String name, boolean withheld, String analysis, String report,
                        List<EvidenceLine> evidence, List<String> indicators, boolean forAph, String reporterName,
                        String reporterAddress) implements MailModel {

        @Override
        public String template() {
            return "case-file";
        }

        public boolean hasIndicators() {
            return !indicators.isEmpty();
        }
    }

    record EvidenceLine(String name, long size, String sha256, boolean attached) {}

    void handOver(Ticket ticket, Role team, String analysis) {
        for (Person recipient : directory.withRole(team)) {
            cases.addParticipant(ticket.id(), recipient.address(), ParticipantRole.valueOf(team.name()));
            if (mayMailTo(ticket.tlp(), recipient)) {
                send(ticket, recipient, team == Role.APH, analysis);
            } else {
                mailer.queue(Letter.of(MessageKind.CASE_FILE, new CaseFileMail(CaseHeading.of(ticket), recipient.name(),
                        true, "", "", List.of(), List.of(), false, null, null), recipient.address(), recipient.name())
                        .onCase(ticket.id()));
            }
        }
    }

    /** The whole case file to one named contact, on an officer's explicit word, whatever the TLP. */
    void sendOnRequest(Ticket ticket, Person recipient) {
        boolean aph = recipient.has(Role.APH);
        cases.addParticipant(ticket.id(), recipient.address(), aph ? ParticipantRole.APH : ParticipantRole.TTIS);
        send(ticket, recipient, aph, handOverNote(ticket.id()));
    }

    /** TLP 2.0 as rules for mail: RED only to the named, AMBER+STRICT only inside the desk's organisation. */
    boolean mayMailTo(Tlp tlp, Person recipient) {
        return switch (tlp) {
            case RED -> false;
            case AMBER_STRICT -> deskOrganisation.isPresent() && deskOrganisation.equals(
                    SenderAuthentication.organisationalDomain(recipient.address().substring(recipient.address().indexOf('@') + 1)));
            default -> true;
        };
    }

    private void send(Ticket ticket, Person recipient, boolean forAph, String analysis) {
        List<MailDraft.Attachment> files = new ArrayList<>();
        List<EvidenceLine> lines = new ArrayList<>();
        for (EvidenceRepository.Evidence e : evidence.reporterEvidence(ticket.id(), ticket.reporterAddress(), forAph,
                MAX_EVIDENCE_BYTES)) {
            lines.add(new EvidenceLine(e.filename(), e.size(), e.sha256(), e.attached()));
            if (e.attached()) {
                files.add(new MailDraft.Attachment(e.filename(), "application/octet-stream", evidence.bytes(e)));
            }
        }
        String report = evidence.reportText(ticket.id());
        if (!forAph) {
            report = PersonalData.redact(report, ticket.reporterName(), ticket.reporterAddress());
        }
        CaseFileMail caseFile = new CaseFileMail(CaseHeading.of(ticket), recipient.name(), false,
                analysis == null ? "" : analysis,
                report.length() > MAX_REPORT_CHARS ? report.substring(0, MAX_REPORT_CHARS) + "\n[...]" : report,
                lines, indicators.onCase(ticket.id()).stream().map(i -> i.indicator().forPeople()).toList(), forAph,
                ticket.reporterName(), ticket.reporterAddress());
        mailer.queue(Letter.of(MessageKind.CASE_FILE, caseFile, recipient.address(), recipient.name())
                .onCase(ticket.id()).attaching(files));
    }

    /** The officer's analysis given with the hand-over (step 6's note). */
    private String handOverNote(long ticketId) {
        return cases.history(ticketId).stream().filter(v -> v.step() == CaseStep.ANALYSIS && v.note() != null)
                .reduce((first, last) -> last).map(StepVisit::note).orElse("");
    }
}
