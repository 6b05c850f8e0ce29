package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.sop.Tlp;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import org.springframework.stereotype.Component;

/**
 * Who may see what of a case, on a screen or through the API: the same standings the
 * mail side knows ({@link SenderResolver}), for readers. Officers and supervisors see
 * every case; TTIS and APH only cases handed to them; the Kadis the case list and the
 * figures. A TLP:RED case only its participants see: its assignee, whoever of the desk
 * acted on it, and the handlers it was given to by name. Of the reporter's identity and
 * words, the desk's staff and APH see everything, TTIS (like its case file) and the Kadis
 * nothing.
 */
@Component
public class CaseVisibility {

    /** How much of one case a person sees. */
    public enum Sight {
        /** Not that it exists. */
        NONE,
        /** Its heading and steps: the Kadis. */
        OVERVIEW,
        /** Also the evidence (files, hashes) and the logbook, without the reporter: TTIS. */
        EVIDENCE,
        /** Also the reporter and every message: the desk's staff, APH. */
        EVERYTHING;

        public boolean atLeast(Sight other) {
            return compareTo(other) >= 0;
        }
    }

    private final CaseRepository cases;
    private final Logbook logbook;
    private final TicketRepository tickets;

    CaseVisibility(CaseRepository cases, Logbook logbook, TicketRepository tickets) {
        this.cases = cases;
        this.logbook = logbook;
        this.tickets = tickets;
    }

    /** Whether the person may learn that the case with this number exists (named as a related case, say). */
    public boolean maySee(Person viewer, String number) {
        return TicketNumber.tryParse(number).flatMap(tickets::find).map(t -> of(viewer, t) != Sight.NONE).orElse(false);
    }

    public Sight of(Person viewer, Ticket ticket) {
        if (ticket.tlp() == Tlp.RED && !participant(viewer, ticket)) {
            return Sight.NONE;
        }
        if (viewer.isDeskStaff()) {
            return Sight.EVERYTHING;
        }
        if (viewer.has(Role.APH) && cases.isParticipant(ticket.id(), viewer.address())) {
            return Sight.EVERYTHING;
        }
        if (viewer.has(Role.TTIS) && cases.isParticipant(ticket.id(), viewer.address())) {
            return Sight.EVIDENCE;
        }
        return viewer.has(Role.KADIS) ? Sight.OVERVIEW : Sight.NONE;
    }

    private boolean participant(Person viewer, Ticket ticket) {
        return viewer.address().equalsIgnoreCase(ticket.assignee() == null ? "" : ticket.assignee())
                || cases.isParticipant(ticket.id(), viewer.address())
                || (viewer.isDeskStaff() && logbook.forTicket(ticket.id()).stream()
                        .anyMatch(entry -> viewer.address().equalsIgnoreCase(entry.actor())));
    }
}
