package id.go.trenggalekkab.csirt.sop;

import java.util.List;
import java.util.Set;

/**
 * One edge of the SOP: in step {@code from}, {@code trigger} given by someone with one of
 * {@code roles} moves the case through {@code path}, in order (usually one step; APH's
 * report written while still in step 7 completes steps 7 and 8 at once).
 */
public record Transition(CaseStep from, Trigger trigger, Set<Role> roles, List<CaseStep> path) {

    public Transition {
        roles = Set.copyOf(roles);
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a transition leads somewhere");
        }
    }

    /** The step the case ends in. */
    public CaseStep to() {
        return path.get(path.size() - 1);
    }

    public boolean permits(Set<Role> actorRoles) {
        return actorRoles.stream().anyMatch(roles::contains);
    }
}
