package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.directory.Person;
import java.util.Optional;

/**
 * Who wrote a mail on a case, as the desk stands towards them. Only {@link Standing#STAFF}
 * and {@link Standing#HANDLER} may command, and only once authenticated; what anyone else
 * writes is text.
 *
 * @param address lowercased, or null where the mail names none
 * @param person  their directory entry, where their standing comes from one, or where a participant
 *                is in the directory (a CSIRT the report upward went to), to name it
 */
public record Sender(String address, Optional<Person> person, Standing standing) {

    public enum Standing {
        /** Officers, supervisors and the Kadis: the desk's own people, on every case. */
        STAFF,
        /** TTIS or APH, on a case handed to them. */
        HANDLER,
        /** The reporter or someone copied on the report, or whom the desk wrote to: heard, never obeyed. */
        PARTICIPANT,
        /** Anyone else, directory people on cases not theirs included: kept, flagged, and reported to the officers. */
        STRANGER
    }

    public boolean mayCommand() {
        return standing == Standing.STAFF || standing == Standing.HANDLER;
    }

    /** TTIS or APH: whose plain reply on their case is their report. */
    public boolean isHandlerTeam() {
        return person.map(Person::isHandler).orElse(false);
    }

    /** For the logbook: the address, or what stands for a sender without one. */
    public String actor() {
        return address == null ? "unknown sender" : address;
    }
}
