package id.go.trenggalekkab.csirt.web;

import id.go.trenggalekkab.csirt.access.PersonTokens;
import id.go.trenggalekkab.csirt.access.Viewers;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.system.Wib;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * One's own tokens for the JSON API: made here, shown once, revoked here. A token reads
 * what its owner may see, no more; changes through the API stay with the operator's token.
 */
@Controller
class ApiTokensPage {

    record Row(long id, String created, String lastUsed) {}

    private final PersonTokens tokens;
    private final Viewers viewers;

    ApiTokensPage(PersonTokens tokens, Viewers viewers) {
        this.tokens = tokens;
        this.viewers = viewers;
    }

    @GetMapping("/token-api")
    ModelAndView list() {
        return page(viewer(), List.of());
    }

    @PostMapping("/token-api")
    ModelAndView create() {
        Person viewer = viewer();
        // shown in the response to this POST only: never stored, never in a URL
        return page(viewer, List.of(tokens.create(viewer.address())));
    }

    @PostMapping("/token-api/{id}/cabut")
    String revoke(@PathVariable long id) {
        tokens.revoke(viewer().address(), id);
        return "redirect:/token-api";
    }

    private ModelAndView page(Person viewer, List<String> fresh) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Token API");
        model.put("fresh", fresh);
        model.put("tokens", tokens.of(viewer.address()).stream().map(t -> new Row(t.id(), Wib.human(t.createdAt()),
                t.lastUsedAt() == null ? "belum pernah" : Wib.human(t.lastUsedAt()))).toList());
        return new ModelAndView("web/api-tokens", model);
    }

    private Person viewer() {
        return viewers.required();
    }
}
