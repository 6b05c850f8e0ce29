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
        return compiled.computeIfAbsent(name, MailTemplates::load).execute(model);
    }

    private static Template load(String name) {
        String path = "templates/mail/" + name + ".mustache";
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return Mustache.compiler().escapeHTML(false).defaultValue("").compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("mail template missing: " + path, e);
        }
    }
}
