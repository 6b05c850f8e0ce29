package id.go.trenggalekkab.csirt.outbound;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The wording of every mail the desk sends lives in {@code templates/mail/*.mustache}
 * (Bahasa Indonesia first), subject included: a template's first line is
 * {@code Subject: ...}, then a blank line, then the body. Plain text is not escaped; an
 * {@code .html.mustache} version escapes every value, since reporters' words appear in it.
 *
 * <p>A name the template uses that neither its {@link MailModel} nor the desk's own values
 * ({@link Desk}) have is an error, not a blank: a mistyped key fails the render test.
 */
@Component
public class MailTemplates {

    private static final String SUBJECT = "Subject: ";

    private final Map<String, Parts> compiled = new ConcurrentHashMap<>();

    /** A template rendered: the subject line, the plain text, and the HTML version or null. */
    public record Rendered(String subject, String text, String html) {}

    /** The values every template may use besides its model's: who the desk is. */
    public record Desk(String deskName, String deskAddress) {}

    public Rendered render(MailModel model, Desk desk) {
        Parts parts = compiled.computeIfAbsent(model.template(), MailTemplates::load);
        return new Rendered(execute(parts.subject(), model, desk).strip(), execute(parts.body(), model, desk),
                parts.html() == null ? null : execute(parts.html(), model, desk));
    }

    private static String execute(Template template, MailModel model, Desk desk) {
        StringWriter out = new StringWriter();
        template.execute(model, desk, out);
        return out.toString();
    }

    private record Parts(Template subject, Template body, Template html) {}

    private static Parts load(String name) {
        String text = read("templates/mail/" + name + ".mustache");
        if (!text.startsWith(SUBJECT) || !text.contains("\n\n")) {
            throw new IllegalStateException("mail template " + name + " must start with 'Subject: ...' and a blank line");
        }
        int end = text.indexOf('\n');
        ClassPathResource html = new ClassPathResource("templates/mail/" + name + ".html.mustache");
        return new Parts(compiler(false).compile(text.substring(SUBJECT.length(), end)),
                compiler(false).compile(text.substring(end + 2)),
                html.exists() ? compiler(true).compile(read(html.getPath())) : null);
    }

    /** Missing names fail; a null value (an empty optional field) renders empty. */
    private static Mustache.Compiler compiler(boolean html) {
        return Mustache.compiler().escapeHTML(html).strictSections(true).nullValue("");
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("mail template missing: " + path, e);
        }
    }
}
