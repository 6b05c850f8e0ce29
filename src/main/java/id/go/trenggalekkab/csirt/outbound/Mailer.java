package id.go.trenggalekkab.csirt.outbound;

import id.go.trenggalekkab.csirt.system.CsirtProperties;
import java.util.LinkedHashSet;
import java.util.List;
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
    private final MailTemplates.Desk desk;

    public Mailer(MailTemplates templates, Outbox outbox, OutboxRepository repository, CsirtProperties properties) {
        this.templates = templates;
        this.outbox = outbox;
        this.repository = repository;
        this.desk = new MailTemplates.Desk(properties.deskName(), properties.deskAddress());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ComposedMail queue(Letter letter) {
        MailTemplates.Rendered rendered = templates.render(letter.model(), desk);
        List<String> thread = letter.ticketId() == null ? List.of() : repository.threadOf(letter.ticketId());
        String inReplyTo = letter.inReplyTo() != null ? letter.inReplyTo() : thread.isEmpty() ? null : thread.get(0);
        List<String> references = letter.references() != null ? letter.references() : recent(thread);
        return outbox.enqueue(letter.ticketId(), new MailDraft(letter.kind(), letter.toAddress(), letter.toName(),
                rendered.subject(), rendered.text(), inReplyTo, references, letter.attachments(), rendered.html(),
                letter.images()));
    }

    private static List<String> recent(List<String> thread) {
        int from = Math.max(0, thread.size() - MAX_REFERENCES);
        return List.copyOf(new LinkedHashSet<>(thread.subList(from, thread.size())));
    }
}
