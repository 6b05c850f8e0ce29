package id.go.trenggalekkab.csirt.briefing;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.indicator.Correlations;
import id.go.trenggalekkab.csirt.indicator.Indicator;
import id.go.trenggalekkab.csirt.indicator.IndicatorRepository;
import id.go.trenggalekkab.csirt.indicator.Mark;
import id.go.trenggalekkab.csirt.intake.StoredMail;
import id.go.trenggalekkab.csirt.mail.HeaderValues;
import id.go.trenggalekkab.csirt.mail.ParsedAttachment;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.CommandWord;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.sop.SopGraph;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.CommandProperties;
import id.go.trenggalekkab.csirt.mail.ReplyText;
import id.go.trenggalekkab.csirt.workflow.ReporterWaits;
import id.go.trenggalekkab.csirt.workflow.Sender;
import id.go.trenggalekkab.csirt.workflow.SenderAuthentication;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers are told of what arrives, in the intake's transaction (routes/take-in.camel.yaml),
 * so a report is never on a ticket that no officer has heard of: a new report goes to the
 * officers on duty (every officer outside anyone's duty); a person's follow-up on a case
 * (the reporter, someone copied, TTIS or APH) goes to the officer assigned, or every officer
 * where none is. Automatic mail is counted in the daily summary instead, the desk's own
 * people are answered by their command replies, and strangers by the capped stranger alert.
 *
 * <p>A briefing is on the case's thread with its tag in the subject: an officer's reply to
 * it is a reply on the case, commands and all.
 */
@Component("officerBriefings")
public class OfficerBriefings {

    /** The most of a report's text a briefing quotes; the ticket keeps all of it. */
    static final int MAX_TEXT = 4000;

    /** The most attachments a briefing lists one by one; the rest are counted. */
    static final int MAX_LISTED_ATTACHMENTS = 20;

    /** The most indicators a briefing lists, and the most other cases it names; the ticket keeps all. */
    static final int MAX_LISTED_INDICATORS = 20;

    private final Directory directory;
    private final ReporterWaits waits;
    private final TicketRepository tickets;
    private final Mailer mailer;
    private final SenderAuthentication authentication;
    private final IndicatorRepository indicators;
    private final Correlations correlations;
    private final Clock clock;

    OfficerBriefings(Directory directory, ReporterWaits waits, TicketRepository tickets,
                     Mailer mailer, CommandProperties commands, IndicatorRepository indicators, Correlations correlations,
                     Clock clock) {
        this.indicators = indicators;
        this.correlations = correlations;
        this.directory = directory;
        this.waits = waits;
        this.tickets = tickets;
        this.mailer = mailer;
        this.authentication = new SenderAuthentication(commands);
        this.clock = clock;
    }

    /**
     * Template {@code officer-briefing}.
     *
     * @param sender          who wrote it, for people: "pelapor", "TTIS"...
     * @param authentication  whether the sender's domain passed DKIM/DMARC at the desk's server, in words
     * @param textCut         whether {@code text} is the start of a longer text
     * @param dangers         {@link DangerSigns}; empty where none was recognised
     * @param commands        the commands that answer it, as officers write them
     */
    record OfficerBriefing(CaseHeading ticket, String name, boolean newReport, boolean finished, String sender,
                           String senderName, String senderAddress, String authentication,
                           String receivedAt, String text, boolean textCut, List<AttachmentLine> attachments,
                           int moreAttachments, List<String> dangers, List<String> indicators, int moreIndicators,
                           List<String> alsoSeen, List<String> commands) implements MailModel {

        @Override
        public String template() {
            return "officer-briefing";
        }

        public boolean hasAttachments() {
            return !attachments.isEmpty();
        }

        public boolean hasMoreAttachments() {
            return moreAttachments > 0;
        }

        public boolean hasDangers() {
            return !dangers.isEmpty();
        }

        public boolean hasIndicators() {
            return !indicators.isEmpty();
        }

        public boolean hasMoreIndicators() {
            return moreIndicators > 0;
        }

        public boolean hasAlsoSeen() {
            return !alsoSeen.isEmpty();
        }

        /** The briefing with the case as it stands: its heading, and the commands that answer it. */
        OfficerBriefing about(Ticket ticket) {
            return new OfficerBriefing(CaseHeading.of(ticket), name, newReport, ticket.step().isFinished(), sender,
                    senderName, senderAddress, authentication, receivedAt, text, textCut, attachments, moreAttachments,
                    dangers, indicators, moreIndicators, alsoSeen, answers(ticket.step()));
        }

        OfficerBriefing to(Person officer) {
            return new OfficerBriefing(ticket, officer.name(), newReport, finished, sender, senderName, senderAddress,
                    authentication, receivedAt, text, textCut, attachments, moreAttachments, dangers, indicators,
                    moreIndicators, alsoSeen, commands);
        }
    }

    /** @param filename null where the part has none */
    record AttachmentLine(String filename, String contentType, long size, String sha256) {}

    /**
     * A new report's briefing, all of it that the ticket's number does not change: who is on
     * duty, and what the mail says and warns of (its attachments' first bytes read for
     * {@link DangerSigns}), and the case as it stands but for its number. Prepared before the
     * ticket is numbered (routes/take-in.camel.yaml) because every other new report waits from
     * the number to this one's commit: only the rendering and the queuing are left for that
     * stretch, with no more reading of the database (but for a report without a Message-ID,
     * whose briefings still look for the case's thread to answer).
     */
    public static final class NewReportBriefing {

        static final NewReportBriefing NOBODY_TO_TELL = new NewReportBriefing(List.of(), null, null);

        private final List<Person> officers;
        private final OfficerBriefing briefing;
        private final Ticket unnumbered;

        private NewReportBriefing(List<Person> officers, OfficerBriefing briefing, Ticket unnumbered) {
            this.officers = officers;
            this.briefing = briefing;
            this.unnumbered = unnumbered;
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public NewReportBriefing prepareNewReport(StoredMail stored) {
        if (stored.arrival().automatic()) {
            return NewReportBriefing.NOBODY_TO_TELL;
        }
        List<Person> officers = directory.officersOnDuty(clock.instant());
        return officers.isEmpty() ? NewReportBriefing.NOBODY_TO_TELL
                : new NewReportBriefing(officers, model(stored.ticketId(), stored, "pelapor", true),
                        tickets.get(stored.ticketId()));
    }

    /** @param prepared {@link #prepareNewReport}, in the same transaction */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredMail newReport(StoredMail stored, NewReportBriefing prepared) {
        if (prepared.briefing != null) {
            Ticket ticket = prepared.unnumbered.numbered(stored.number());
            // the report is the case's whole thread so far
            send(ticket, stored, prepared.briefing.about(ticket), prepared.officers,
                    stored.arrival().mail().parsed().threadEndingHere());
        }
        return stored;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StoredMail followUp(StoredMail stored) {
        if (stored.arrival().automatic()) {
            return stored;
        }
        Sender sender = stored.sender().orElseThrow();
        Ticket ticket = tickets.get(stored.ticketId());
        Optional<String> who = switch (sender.standing()) {
            case PARTICIPANT -> Optional.of(sender.address().equalsIgnoreCase(String.valueOf(ticket.reporterAddress()))
                    ? "pelapor" : sender.person().map(Person::name).orElse("pihak pada kasus"));
            case HANDLER -> Optional.of(sender.person().orElseThrow().has(Role.APH) ? "APH" : "TTIS");
            // staff hear of their commands in the reply; strangers in the capped stranger alert
            case STAFF, STRANGER -> Optional.empty();
        };
        if (who.isPresent()) {
            List<Person> officers = new ArrayList<>(assigneeOrEveryOfficer(ticket));
            // the answer to a question reaches whoever asked it, wherever the case is assigned
            waits.open(ticket.id()).flatMap(w -> directory.find(w.askedBy())).filter(Person::isDeskStaff)
                    .filter(asker -> officers.stream().noneMatch(o -> o.address().equals(asker.address())))
                    .ifPresent(officers::add);
            brief(ticket, stored, who.get(), false, officers);
        }
        return stored;
    }

    private List<Person> assigneeOrEveryOfficer(Ticket ticket) {
        return directory.inCharge(ticket.assignee());
    }

    private void brief(Ticket ticket, StoredMail stored, String sender, boolean newReport, List<Person> officers) {
        if (!officers.isEmpty()) {
            send(ticket, stored, model(ticket.id(), stored, sender, newReport).about(ticket), officers, null);
        }
    }

    /** @param thread null: the case's thread, as stored */
    private void send(Ticket ticket, StoredMail stored, OfficerBriefing briefing, List<Person> officers,
                      List<String> thread) {
        for (Person officer : officers) {
            mailer.queue(Letter.of(MessageKind.OFFICER_BRIEFING, briefing.to(officer), officer.address(), officer.name())
                    .onCase(ticket.id()).answering(stored.arrival().mail().parsed().messageId()).referencing(thread));
        }
    }

    /** The briefing without its case heading ({@link OfficerBriefing#about}). */
    private OfficerBriefing model(long ticketId, StoredMail stored, String sender, boolean newReport) {
        ParsedMail parsed = stored.arrival().mail().parsed();
        SenderAuthentication.Verdict verdict = authentication.check(parsed);
        String text = ReplyText.strip(parsed.bodyText());
        boolean cut = text.length() > MAX_TEXT;
        List<AttachmentLine> files = new ArrayList<>();
        for (ParsedAttachment a : parsed.attachments().subList(0, Math.min(MAX_LISTED_ATTACHMENTS,
                parsed.attachments().size()))) {
            files.add(new AttachmentLine(a.filename(), a.contentType(), a.size(), a.sha256()));
        }
        // what this message brought: the indicators first seen in it, and the other cases that share them
        List<Indicator> found = indicators.onCase(ticketId).stream()
                .filter(i -> i.messageId() != null && i.messageId() == stored.messageRowId())
                .map(IndicatorRepository.StoredIndicator::indicator).toList();
        // a red case is its participants' alone: never named to every officer
        List<String> alsoSeen = correlations.sharedWith(ticketId, found).stream()
                // where the other case marked the value (its own network, say), it is not news here
                .filter(c -> c.indicator().mark() == Mark.NONE)
                .filter(c -> !"RED".equals(c.tlp()))
                .limit(MAX_LISTED_INDICATORS)
                .map(c -> c.ticket() + " (" + CaseStep.valueOf(c.step()).describe()
                        + (c.category() == null ? "" : ", " + c.category()) + "): " + c.indicator().defanged()).toList();
        List<String> listed = found.stream().limit(MAX_LISTED_INDICATORS).map(Indicator::forPeople).toList();
        return new OfficerBriefing(null, null, newReport, false, sender,
                parsed.fromName() == null ? "-" : HeaderValues.oneLine(parsed.fromName(), 200),
                parsed.fromAddress() == null ? "(tanpa alamat)" : parsed.fromAddress(),
                verdict.authenticated() ? "LULUS (DKIM/DMARC di server email desk)" : "TIDAK LULUS: " + verdict.reason(),
                Wib.human(stored.arrival().mail().receivedAt()), Defanged.text(cut ? text.substring(0, MAX_TEXT) : text),
                cut, files, parsed.attachments().size() - files.size(), DangerSigns.of(parsed), listed,
                found.size() - listed.size(), alsoSeen, List.of());
    }



    /** The commands that move the case on from where it stands, then those that talk and look. */
    static List<String> answers(CaseStep step) {
        Set<String> commands = new LinkedHashSet<>();
        SopGraph.transitions().stream()
                .filter(t -> t.from() == step && t.trigger() instanceof CommandWord && t.permits(Set.of(Role.OFFICER)))
                .forEach(t -> commands.add(((CommandWord) t.trigger()).example()));
        for (CommandWord word : List.of(CommandWord.ASSIGN, CommandWord.REPLY, CommandWord.ASK, CommandWord.NOTE,
                CommandWord.STATUS)) {
            if (SopGraph.decide(Set.of(Role.OFFICER), step, word) instanceof SopGraph.ActsInPlace) {
                commands.add(word.example());
            }
        }
        return List.copyOf(commands);
    }
}
