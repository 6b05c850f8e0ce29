package id.go.trenggalekkab.csirt.web;

import id.go.trenggalekkab.csirt.access.Viewers;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.intake.QuarantineReplay;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.system.Wib;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mail the intake could not take in, for the desk's officers and supervisors: each with
 * why, its replays, and the stored bytes as text (never rendered, at most 1 MB shown).
 * A supervisor replays one, as with {@code #ulang-karantina} by mail; the replay is
 * logged with their address.
 */
@Controller
class QuarantinePage {

    static final int SHOWN_BYTES = 1024 * 1024;

    record Row(long id, String at, String sha256, long size, String reason, List<String> replays) {}

    private final QuarantineReplay quarantine;
    private final Viewers viewers;

    QuarantinePage(QuarantineReplay quarantine, Viewers viewers) {
        this.quarantine = quarantine;
        this.viewers = viewers;
    }

    @GetMapping("/karantina")
    ModelAndView list(Model flash) {
        Person viewer = staff();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Karantina");
        model.put("rows", quarantine.list().stream().map(q -> new Row(q.id(), Wib.human(q.quarantinedAt()), q.sha256(),
                q.size(), q.reason() == null ? "" : q.reason(), q.replays().stream()
                .map(r -> Wib.human(r.at()) + " oleh " + r.actor() + ": " + r.outcome()).toList())).toList());
        model.put("mayReplay", viewer.has(Role.SUPERVISOR));
        Object replayed = flash.getAttribute("replayed");
        model.put("replayed", replayed == null ? List.of() : List.of(replayed));
        return new ModelAndView("web/quarantine", model);
    }

    @GetMapping("/karantina/{id}")
    ModelAndView raw(@PathVariable long id) {
        staff();
        QuarantineReplay.Shown shown = quarantine.rawText(id, SHOWN_BYTES)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new ModelAndView("web/quarantined-message", Map.of("title", "Karantina #" + id, "id", id, "text", shown.text(),
                "cut", shown.cut()));
    }

    @PostMapping("/karantina/{id}/ulang")
    String replay(@PathVariable long id, RedirectAttributes redirect) {
        Person viewer = staff();
        if (!viewer.has(Role.SUPERVISOR)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "hanya kabid/kasi yang dapat memproses ulang karantina");
        }
        try {
            QuarantineReplay.Replay replay = quarantine.replay(id, viewer.address());
            redirect.addFlashAttribute("replayed", "#" + id + ": " + replay.outcome());
        } catch (NoSuchElementException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/karantina";
    }

    private Person staff() {
        Person viewer = viewers.required();
        if (!viewer.isDeskStaff()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "karantina hanya untuk petugas dan kabid/kasi");
        }
        return viewer;
    }
}
