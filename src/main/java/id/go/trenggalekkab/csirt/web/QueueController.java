package id.go.trenggalekkab.csirt.web;

import id.go.trenggalekkab.csirt.access.Viewers;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Priority;
import id.go.trenggalekkab.csirt.ticket.TicketRepository;
import id.go.trenggalekkab.csirt.workflow.CaseVisibility;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The queue: the open cases this person may see, most urgent first, with filters and search. */
@Controller
class QueueController {

    record Option(String value, String label, boolean selected) {}

    private final WebQueries queries;
    private final TicketRepository tickets;
    private final CaseVisibility visibility;
    private final Viewers viewers;
    private final Clock clock;

    QueueController(WebQueries queries, TicketRepository tickets, CaseVisibility visibility, Viewers viewers, Clock clock) {
        this.queries = queries;
        this.tickets = tickets;
        this.visibility = visibility;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/")
    ModelAndView queue(@RequestParam(defaultValue = "") String langkah, @RequestParam(defaultValue = "") String prioritas,
                       @RequestParam(name = "milik-saya", required = false) String mine,
                       @RequestParam(required = false) String terlambat, @RequestParam(defaultValue = "") String cari) {
        Person viewer = viewers.required();
        CaseStep step = langkah.isBlank() ? null : Arrays.stream(CaseStep.values()).filter(s -> s.name().equals(langkah))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "langkah tidak dikenal"));
        Priority priority = prioritas.isBlank() ? null : Arrays.stream(Priority.values()).filter(p -> p.name().equals(prioritas))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "prioritas tidak dikenal"));
        Instant now = clock.instant();
        WebQueries.QueueFilter filter = new WebQueries.QueueFilter(step, priority == null ? null : priority.name(),
                mine != null ? viewer.address() : null,
                terlambat != null, cari);
        List<CaseLine> rows = tickets.withIds(queries.openCases(filter, now, viewer.isDeskStaff())).stream()
                .filter(t -> visibility.of(viewer, t) != CaseVisibility.Sight.NONE)
                .map(t -> CaseLine.of(t, now)).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Antrean kasus");
        model.put("rows", rows);
        model.put("count", rows.size());
        model.put("empty", rows.isEmpty());
        model.put("limited", rows.size() >= WebQueries.QUEUE_LIMIT);
        model.put("steps", Arrays.stream(CaseStep.values()).filter(s -> !s.isFinished() && s != CaseStep.MERGED)
                .map(s -> new Option(s.name(), s.describe(), s == step)).toList());
        model.put("priorities", Arrays.stream(Priority.values()).map(p -> new Option(p.name(), p.indonesian(), p == priority))
                .toList());
        model.put("mine", mine != null);
        model.put("overdue", terlambat != null);
        model.put("search", cari);
        return new ModelAndView("web/queue", model);
    }
}
