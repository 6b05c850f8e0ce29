package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import java.util.List;

/**
 * The report upward (BSSN regulation 1/2024, art. 15), as the officers' commands ask for
 * it: {@code #draf-bssn} and {@code #lapor-bssn}. Written where the report is (module
 * {@code upward}), which reads the case's history from this module; the commands know
 * only this.
 */
public interface UpwardReporting {

    /**
     * Sends the report to the sectoral CSIRT, copying the national one, in the command's
     * transaction, and stops its deadline. Returns who it went to: none where the directory
     * names no such CSIRT, and then nothing is sent.
     *
     * @param officerText the officer's own description and impact, from the command mail's body; may be blank
     */
    List<Person> send(Ticket ticket, Person officer, String officerText);

    /** Mails the report as it would go now to this officer, to review. */
    void mailDraft(Ticket ticket, Person officer);
}
