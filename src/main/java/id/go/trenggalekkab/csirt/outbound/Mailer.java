package id.go.trenggalekkab.csirt.outbound;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.MailStage;
import id.go.trenggalekkab.csirt.mail.HeaderValues;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way the desk writes mail: renders a {@link Letter}'s template, threads it on its
 * case, and queues it in the outbox, in the transaction of the change that caused it.
 */
@Component
public class Mailer {

    /** A case's thread is referenced by its most recent messages only: headers stay short. */
    private static final int MAX_REFERENCES = 20;

    private final MailTemplates templates;
    private final Outbox outbox;
    private final OutboxRepository repository;
    private final Logbook logbook;
    private final MailTemplates.Desk desk;

    public Mailer(MailTemplates templates, Outbox outbox, OutboxRepository repository, Logbook logbook,
                  CsirtProperties properties) {
        this.templates = templates;
        this.outbox = outbox;
        this.repository = repository;
        this.logbook = logbook;
        this.desk = new MailTemplates.Desk(properties.deskName(), properties.deskAddress());
    }

    /**
     * Queues the letter, or, where its recipient's address cannot be used for mail (a
     * reporter's lenient From), records that in the logbook and queues nothing: a notice
     * that cannot go must never undo the change that caused it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ComposedMail> queue(Letter letter) {
        Optional<String> unusable = unusable(letter.toAddress());
        if (unusable.isPresent()) {
            logbook.recordMail(letter.ticketId(), letter.kind(), MailStage.SUPPRESSED,
                    "the address " + HeaderValues.oneLine(letter.toAddress(), 200) + " cannot be used for mail: "
                            + unusable.get());
            return Optional.empty();
        }
        MailTemplates.Rendered rendered = templates.render(letter.model(), desk);
        // the case's thread is read only where the letter does not say what it answers and refers to
        List<String> thread = letter.ticketId() == null || letter.inReplyTo() != null && letter.references() != null
                ? List.of() : repository.threadOf(letter.ticketId());
        String inReplyTo = letter.inReplyTo() != null ? letter.inReplyTo() : thread.isEmpty() ? null : thread.get(0);
        List<String> references = letter.references() != null ? letter.references() : recent(thread);
        return Optional.of(outbox.enqueue(letter.ticketId(), new MailDraft(letter.kind(), letter.toAddress(),
                letter.toName(), rendered.subject(), rendered.text(), inReplyTo, references, letter.attachments(),
                rendered.html(), letter.images())));
    }

    /** Why an address cannot be a recipient, or empty where it can. */
    static Optional<String> unusable(String address) {
        if (address == null || address.isBlank()) {
            return Optional.of("no address");
        }
        try {
            new InternetAddress(address, true).validate();
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static List<String> recent(List<String> thread) {
        int from = Math.max(0, thread.size() - MAX_REFERENCES);
        return List.copyOf(new LinkedHashSet<>(thread.subList(from, thread.size())));
    }
}
