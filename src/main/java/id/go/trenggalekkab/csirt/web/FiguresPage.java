package id.go.trenggalekkab.csirt.web;

import id.go.trenggalekkab.csirt.access.Viewers;
import id.go.trenggalekkab.csirt.digest.Digest;
import id.go.trenggalekkab.csirt.digest.Period;
import id.go.trenggalekkab.csirt.digest.WeeklyDigest;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Role;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The figures, for the desk's staff and the Kadis: the weekly digest of any week (the same
 * lines and chart as its mail), and each step's share of visits that met the time standard
 * over the eight weeks up to it.
 */
@Controller
class FiguresPage {

    static final int WEEKS = 8;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.forLanguageTag("id"));

    record ShareRow(String step, List<String> cells) {}

    private final WeeklyDigest digest;
    private final Viewers viewers;

    FiguresPage(WeeklyDigest digest, Viewers viewers) {
        this.digest = digest;
        this.viewers = viewers;
    }

    @GetMapping("/angka")
    ModelAndView figures(@RequestParam(defaultValue = "") String minggu) {
        allowed();
        Period week = week(minggu);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Angka");
        model.put("week", week.from().toString());
        model.put("previous", week.from().minusWeeks(1).toString());
        model.put("next", week.from().plusWeeks(1).toString());
        model.put("digest", digest.lines(week));
        List<Period> weeks = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            LocalDate monday = week.from().minusWeeks(i);
            weeks.add(new Period(monday, monday.plusWeeks(1)));
        }
        model.put("weeks", weeks.stream().map(w -> SHORT.format(w.from())).toList());
        model.put("weeksCount", WEEKS);
        // every step with a time standard, in SOP order, "-" for a week in which none was completed
        Map<String, List<String>> byStep = new LinkedHashMap<>();
        byStep.put(Digest.INTAKE, new ArrayList<>(Collections.nCopies(WEEKS, "-")));
        for (CaseStep step : CaseStep.values()) {
            if (step.isOpen()) {
                byStep.put(step.name(), new ArrayList<>(Collections.nCopies(WEEKS, "-")));
            }
        }
        for (int i = 0; i < weeks.size(); i++) {
            for (Digest.StepTimeliness t : digest.timeliness(weeks.get(i))) {
                List<String> row = byStep.computeIfAbsent(t.step(), s -> new ArrayList<>(Collections.nCopies(WEEKS, "-")));
                row.set(i, t.completed() == 0 ? "-" : Math.round(t.metShare() * 100) + "% (" + t.met() + "/" + t.completed() + ")");
            }
        }
        model.put("shares", byStep.entrySet().stream().map(e -> new ShareRow(stepName(e.getKey()), e.getValue())).toList());
        return new ModelAndView("web/figures", model);
    }

    @GetMapping(value = "/angka/grafik.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> chart(@RequestParam(defaultValue = "") String minggu) {
        allowed();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(digest.chart(week(minggu)));
    }

    private void allowed() {
        Person viewer = viewers.required();
        if (!viewer.isDeskStaff() && !viewer.has(Role.KADIS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "angka hanya untuk petugas, kabid/kasi dan kadis");
        }
    }

    /** The week (Monday to Monday) holding the given day; last week where none is given. */
    private Period week(String day) {
        if (day.isBlank()) {
            return digest.lastWeek();
        }
        try {
            LocalDate monday = LocalDate.parse(day).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return new Period(monday, monday.plusWeeks(1));
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "minggu: tanggal YYYY-MM-DD");
        }
    }

    private static String stepName(String step) {
        return step.equals(Digest.INTAKE) ? "langkah 1-3: penerimaan sampai tanda terima" : CaseStep.valueOf(step).describe();
    }
}
