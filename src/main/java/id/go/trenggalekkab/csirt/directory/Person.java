package id.go.trenggalekkab.csirt.directory;

import id.go.trenggalekkab.csirt.sop.Role;
import java.util.Set;

/**
 * Someone in the directory, by the address their mail comes from.
 *
 * @param duty when they are on duty, for officers; {@link DutySchedule#NONE} where the file gives none
 */
public record Person(String address, String name, Set<Role> roles, DutySchedule duty) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether they act on cases at all: the CSIRTs upward are in the directory only to receive the report. */
    public boolean actsOnCases() {
        return roles.stream().anyMatch(Role::actsOnCases);
    }

    /** TTIS or APH: who is handed cases and reports on them. */
    public boolean isHandler() {
        return has(Role.TTIS) || has(Role.APH);
    }

    public boolean isDeskStaff() {
        return roles.stream().anyMatch(Role::isDeskStaff);
    }
}
