package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.workflow.Sender.Standing;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who a sender is on a case: the directory says who they are,
 * the case's participants whether they belong to it. TTIS and APH belong to a case once it
 * is handed to them; the desk's own people always do; the CSIRTs the report upward went to
 * are participants like a reporter. Authentication is a separate
 * question ({@link SenderAuthentication}), asked only of those who may command.
 */
@Component
public class SenderResolver {

    private final Directory directory;
    private final CaseRepository cases;

    SenderResolver(Directory directory, CaseRepository cases) {
        this.directory = directory;
        this.cases = cases;
    }

    public Sender resolve(long ticketId, String address) {
        if (address == null) {
            return new Sender(null, Optional.empty(), Standing.STRANGER);
        }
        Optional<Person> person = directory.find(address);
        if (person.isPresent() && (person.get().isDeskStaff() || person.get().has(Role.KADIS))) {
            return new Sender(address, person, Standing.STAFF);
        }
        boolean participant = cases.isParticipant(ticketId, address);
        // a CSIRT upward answering the report is heard on the case, never obeyed
        if (person.isPresent() && participant && person.get().isHandler()) {
            return new Sender(address, person, Standing.HANDLER);
        }
        // a participant in the directory (a CSIRT upward) keeps its entry, so that it is named; a stranger's says nothing
        return participant ? new Sender(address, person, Standing.PARTICIPANT)
                : new Sender(address, Optional.empty(), Standing.STRANGER);
    }
}
