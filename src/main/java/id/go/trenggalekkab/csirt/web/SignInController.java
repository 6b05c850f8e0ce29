package id.go.trenggalekkab.csirt.web;

import id.go.trenggalekkab.csirt.access.Sessions;
import id.go.trenggalekkab.csirt.signin.SignInLinks;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The only pages open to everyone: ask for a sign-in link, and use one. Using a link
 * takes a press of a button (a POST): mail scanners that open every link in a message
 * would otherwise spend it. The browser cookie a link is bound to is set when asking.
 */
@Controller
class SignInController {

    static final String BROWSER_COOKIE = "CSIRT_BROWSER";

    private final SignInLinks links;
    private final Sessions sessions;

    SignInController(SignInLinks links, Sessions sessions) {
        this.links = links;
        this.sessions = sessions;
    }

    @GetMapping("/masuk")
    ModelAndView form(@RequestParam(required = false) String terkirim, @RequestParam(required = false) String keluar,
                      @RequestParam(required = false) String salah) {
        return new ModelAndView("web/sign-in", Map.of("title", "Masuk",
                "sent", terkirim != null, "signedOut", keluar != null,
                "problem", salah == null || problem(salah).isEmpty() ? List.of() : List.of(problem(salah))));
    }

    @PostMapping("/masuk")
    String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request, HttpServletResponse response) {
        String browser = browserSecret(request).orElseGet(() -> {
            String fresh = SignInLinks.newBrowserSecret();
            response.addHeader("Set-Cookie", ResponseCookie.from(BROWSER_COOKIE, fresh).httpOnly(true).sameSite("Lax")
                    .secure(request.isSecure()).path("/masuk").maxAge(java.time.Duration.ofDays(1)).build().toString());
            return fresh;
        });
        return switch (links.request(email, request.getRemoteAddr(), browser)) {
            case SENT_IF_KNOWN -> "redirect:/masuk?terkirim";
            case NOT_AN_ADDRESS -> "redirect:/masuk?salah=alamat";
            case TOO_MANY -> "redirect:/masuk?salah=terlalu-sering";
        };
    }

    @GetMapping("/masuk/tautan")
    ModelAndView confirm(@RequestParam(defaultValue = "") String token) {
        return new ModelAndView("web/sign-in-confirm", Map.of("title", "Masuk", "token", token));
    }

    @PostMapping("/masuk/tautan")
    ModelAndView use(@RequestParam(defaultValue = "") String token, HttpServletRequest request, HttpServletResponse response) {
        SignInLinks.Outcome outcome = links.use(token, browserSecret(request).orElse(null), request.getRemoteAddr());
        if (outcome.person().isPresent()) {
            sessions.signIn(outcome.person().get(), request, response);
            return new ModelAndView("redirect:/");
        }
        ModelAndView refused = new ModelAndView("web/sign-in-refused", Map.of("title", "Tidak dapat masuk", "reason", switch (outcome.refusal()) {
            case USED -> "Tautan ini sudah dipakai. Setiap tautan hanya berlaku sekali.";
            case EXPIRED -> "Tautan ini sudah kedaluwarsa (berlaku 15 menit).";
            case OTHER_BROWSER -> "Tautan ini dibuka di peramban lain dari tempat Anda memintanya.";
            case NO_LONGER_IN_DIRECTORY -> "Alamat ini tidak lagi terdaftar di direktori desk.";
            case UNKNOWN -> "Tautan ini tidak dikenal.";
        }));
        refused.setStatus(org.springframework.http.HttpStatus.FORBIDDEN);
        return refused;
    }

    private static String problem(String code) {
        return switch (code) {
            case "alamat" -> "Itu bukan alamat email.";
            case "terlalu-sering" -> "Terlalu banyak permintaan. Coba lagi dalam 15 menit.";
            default -> "";
        };
    }

    private static Optional<String> browserSecret(HttpServletRequest request) {
        return request.getCookies() == null ? Optional.empty() : Arrays.stream(request.getCookies())
                .filter(c -> BROWSER_COOKIE.equals(c.getName())).map(Cookie::getValue).filter(v -> !v.isBlank()).findFirst();
    }
}
