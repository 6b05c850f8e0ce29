package id.go.trenggalekkab.csirt.intake.thread;

import id.go.trenggalekkab.csirt.intake.Arrival;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A ticket's tag in the subject, {@code [TTIS-2026-00042]}: the first tag naming a ticket the desk has. */
@Component
@Order(20)
class SubjectTagCheck implements ThreadCheck {

    private final TicketRepository tickets;

    SubjectTagCheck(TicketRepository tickets) {
        this.tickets = tickets;
    }

    @Override
    public Optional<ThreadMatch> match(Arrival arrival) {
        for (TicketNumber tag : TicketNumber.tagsIn(arrival.mail().parsed().subject())) {
            Optional<ThreadMatch> match = tickets.find(tag).map(t -> new ThreadMatch(t.id(), "subject tag " + tag.tag()));
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
