package id.go.trenggalekkab.csirt.intake;

import id.go.trenggalekkab.csirt.indicator.CaseIndicators;
import id.go.trenggalekkab.csirt.indicator.IndicatorRepository;
import id.go.trenggalekkab.csirt.mail.HtmlLink;
import id.go.trenggalekkab.csirt.mail.ParsedAttachment;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.mail.ReplyText;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.Sender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every message taken in feeds the case's indicators, in the message's own transaction:
 * the text people wrote (a follow-up without the quoted mail it answers, which would bring
 * back the desk's own acknowledgement), the targets of its HTML links, and its text-like
 * attachments (plain text, CSV, logs, a forwarded .eml), each read up to a bound. Neither
 * the sender's address nor the case's reporter's is an indicator; the desk's own domain is
 * kept, marked. Automatic mail on a case (a bounce of the desk's own mail carries the
 * acknowledgement, the reporter's address and the evidence's hashes; an auto-reply repeats
 * what it answers) feeds nothing: only a person's words and files do. Nor does a stranger's
 * mail on a case: anyone can write a case's tag in a subject, and a planted address would
 * show in every briefing that correlates with it.
 */
@Component("messageIndicators")
public class MessageIndicators {

    private static final Logger log = LoggerFactory.getLogger(MessageIndicators.class);
    /** What is read of one attachment: logs can be large, and the rest of the file stays evidence all the same. */
    static final int ATTACHMENT_BYTES_READ = 2 * 1024 * 1024;
    static final String DESK = "desk";

    private final CaseIndicators extractor;
    private final IndicatorRepository indicators;
    private final TicketRepository tickets;

    MessageIndicators(CaseIndicators extractor, IndicatorRepository indicators, TicketRepository tickets) {
        this.extractor = extractor;
        this.indicators = indicators;
        this.tickets = tickets;
    }

    /** The body stays the stored mail, so the route goes on as before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredMail record(StoredMail stored) {
        ParsedMail parsed = stored.arrival().mail().parsed();
        if (stored.arrival().bounce().isPresent() || (stored.followUp() && (stored.arrival().automatic()
                || stored.sender().orElseThrow().standing() == Sender.Standing.STRANGER))) {
            return stored;
        }
        Instant at = stored.arrival().mail().receivedAt();
        Set<String> sender = new HashSet<>();
        if (parsed.fromAddress() != null) {
            sender.add(parsed.fromAddress());
        }
        // on a new report the sender is the reporter; on a follow-up the reporter may be named by someone else
        String reporter = stored.followUp() ? tickets.get(stored.ticketId()).reporterAddress() : null;
        if (reporter != null) {
            sender.add(reporter);
        }
        // a report's subject often names the site or address; a reply's repeats the case's and carries commands
        String text = stored.followUp() ? ReplyText.strip(parsed.bodyText())
                : (parsed.subject() == null ? "" : parsed.subject() + "\n") + parsed.bodyText();
        int added = indicators.addAll(stored.ticketId(), stored.messageRowId(), IndicatorRepository.FoundIn.TEXT, null,
                extractor.extract(text == null ? "" : text, sender), at, DESK);
        String links = parsed.links().stream().map(HtmlLink::target).collect(Collectors.joining("\n"));
        added += indicators.addAll(stored.ticketId(), stored.messageRowId(), IndicatorRepository.FoundIn.HTML_LINK, null,
                extractor.extract(links, sender), at, DESK);
        Set<String> seenAttachments = new HashSet<>();
        for (ParsedAttachment attachment : parsed.attachments()) {
            if (textLike(attachment) && seenAttachments.add(attachment.sha256())) {
                added += indicators.addAll(stored.ticketId(), stored.messageRowId(), IndicatorRepository.FoundIn.ATTACHMENT,
                        attachment.sha256(), extractor.extract(head(attachment), sender), at, DESK);
            }
        }
        if (added > 0 && stored.followUp()) {
            log.info("{} indicator(s) added to {}", added, stored.number());
            extractor.messageAdded(stored.ticketId());
        } else if (added > 0) {
            // a new report's case is told of them once it is numbered (NewCases.number)
            log.info("{} indicator(s) found in the new report", added);
            return stored.withIndicatorsFound();
        }
        return stored;
    }

    static boolean textLike(ParsedAttachment attachment) {
        String type = attachment.contentType() == null ? "" : attachment.contentType().toLowerCase(Locale.ROOT);
        String name = attachment.filename() == null ? "" : attachment.filename().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("message/rfc822") || type.contains("csv") || type.contains("json")
                || List.of(".txt", ".log", ".csv", ".eml", ".json", ".ioc").stream().anyMatch(name::endsWith);
    }

    private static String head(ParsedAttachment attachment) {
        try (InputStream in = attachment.content().open()) {
            return new String(in.readNBytes(ATTACHMENT_BYTES_READ), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Attachment {} not read for indicators: {}", attachment.sha256(), e.toString());
            return "";
        }
    }
}
