package id.go.trenggalekkab.csirt.outbound;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The wording of every mail the desk sends lives in {@code templates/mail/*.mustache}
 * (Bahasa Indonesia first), compiled once. Plain text: nothing is HTML-escaped.
 */
@Component
public class MailTemplates {

    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public String render(String name, Map<String, ?> model) {
        return compiled.computeIfAbsent(name, n -> load(n, false)).execute(model);
    }

    /** For {@code *.html.mustache}: every value HTML-escaped, since reporters' subjects appear in it. */
    public String renderHtml(String name, Map<String, ?> model) {
        return compiled.computeIfAbsent("html:" + name, key -> load(name, true)).execute(model);
    }

    private static Template load(String name, boolean html) {
        String path = "templates/mail/" + name + ".mustache";
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return Mustache.compiler().escapeHTML(html).defaultValue("").compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("mail template missing: " + path, e);
        }
    }
}
