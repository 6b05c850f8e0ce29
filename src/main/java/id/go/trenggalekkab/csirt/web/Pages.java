package id.go.trenggalekkab.csirt.web;

import id.go.trenggalekkab.csirt.access.Viewers;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.sop.Role;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the web view shows in its header: who is signed in. A list of one
 * or none, so that a page for nobody signed in renders the same template.
 */
@ControllerAdvice(basePackageClasses = Pages.class)
class Pages {

    record ViewerModel(String name, String roles, boolean staff, boolean figures) {}

    private final Viewers viewers;

    Pages(Viewers viewers) {
        this.viewers = viewers;
    }

    @ModelAttribute("viewer")
    List<ViewerModel> viewer() {
        return viewers.current().map(Pages::model).stream().toList();
    }

    static ViewerModel model(Person person) {
        return new ViewerModel(person.name() == null ? person.address() : person.name(),
                person.roles().stream().map(Pages::roleName).sorted().collect(Collectors.joining(", ")), person.isDeskStaff(),
                person.isDeskStaff() || person.has(Role.KADIS));
    }

    static String roleName(Role role) {
        return switch (role) {
            case OFFICER -> "petugas";
            case SUPERVISOR -> "kabid/kasi";
            case TTIS -> "TTIS";
            case APH -> "APH";
            case KADIS -> "kadis";
            case SECTORAL_CSIRT -> "CSIRT sektoral";
            case NATIONAL_CSIRT -> "CSIRT nasional";
        };
    }
}
