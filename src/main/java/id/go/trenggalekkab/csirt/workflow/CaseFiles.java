package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.evidence.EvidenceRepository;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailDraft;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * SOP step 6's hand-over: the case file to TTIS or to APH, with the officer's analysis, the
 * report's text and the evidence with its SHA-256 hashes. APH alone gets the reporter's
 * identity. Whoever receives it becomes a participant of the case, so that their replies
 * count.
 */
@Component
class CaseFiles {

    /** A hand-over mail carries the evidence bytes up to this size; beyond it, their hashes only. */
    static final long MAX_EVIDENCE_BYTES = 20L * 1024 * 1024;

    /** Report text beyond this is cut in the mail; the evidence carries it whole. */
    private static final int MAX_REPORT_CHARS = 8000;

    private final Directory directory;
    private final EvidenceRepository evidence;
    private final CaseRepository cases;
    private final Mailer mailer;

    CaseFiles(Directory directory, EvidenceRepository evidence, CaseRepository cases, Mailer mailer) {
        this.directory = directory;
        this.evidence = evidence;
        this.cases = cases;
        this.mailer = mailer;
    }

    /** Template {@code case-file}. */
    record CaseFileMail(CaseHeading ticket, String name, String analysis, String report, List<EvidenceLine> evidence,
                        boolean forAph, String reporterName, String reporterAddress) implements MailModel {

        @Override
        public String template() {
            return "case-file";
        }

        CaseFileMail to(Person recipient) {
            return new CaseFileMail(ticket, recipient.name(), analysis, report, evidence, forAph, reporterName,
                    reporterAddress);
        }
    }

    record EvidenceLine(String name, long size, String sha256, boolean attached) {}

    void handOver(Ticket ticket, Role team, String analysis) {
        List<MailDraft.Attachment> files = new ArrayList<>();
        List<EvidenceLine> lines = new ArrayList<>();
        for (EvidenceRepository.Evidence e : evidence.evidence(ticket.id(), MAX_EVIDENCE_BYTES)) {
            lines.add(new EvidenceLine(e.filename(), e.size(), e.sha256(), e.attached()));
            if (e.attached()) {
                files.add(new MailDraft.Attachment(e.filename(), e.contentType(), evidence.bytes(e)));
            }
        }
        String report = evidence.reportText(ticket.id());
        CaseFileMail caseFile = new CaseFileMail(CaseHeading.of(ticket), null, analysis,
                report.length() > MAX_REPORT_CHARS ? report.substring(0, MAX_REPORT_CHARS) + "\n[...]" : report,
                lines, team == Role.APH, ticket.reporterName(), ticket.reporterAddress());
        for (Person recipient : directory.withRole(team)) {
            cases.addParticipant(ticket.id(), recipient.address(), ParticipantRole.valueOf(team.name()));
            mailer.queue(Letter.of(MessageKind.CASE_FILE, caseFile.to(recipient), recipient.address(), recipient.name())
                    .onCase(ticket.id()).attaching(files));
        }
    }
}
