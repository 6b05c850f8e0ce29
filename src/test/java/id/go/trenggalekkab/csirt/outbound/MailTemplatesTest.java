package id.go.trenggalekkab.csirt.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.samskivert.mustache.MustacheException;
import id.go.trenggalekkab.csirt.support.Rendering;
import org.junit.jupiter.api.Test;

/** What every template may rely on: strict names, its subject in the template, escaping where HTML. */
class MailTemplatesTest {

    private record Named(String template, String name) implements MailModel {}

    @Test
    void aNameTheModelDoesNotHaveFailsTheRenderInsteadOfPrintingABlank() {
        assertThatThrownBy(() -> Rendering.render(new Named("test-mistyped", "Budi")))
                .isInstanceOf(MustacheException.class).hasMessageContaining("nmae");
    }

    @Test
    void aTemplateStartsWithItsSubject() {
        assertThatThrownBy(() -> Rendering.render(new Named("test-no-subject", "Budi")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Subject:");
    }

    @Test
    void theSubjectComesFromTheTemplateAndTheDesksOwnValuesFromTheDesk() {
        MailTemplates.Rendered rendered = Rendering.render(new Named("test-html", "Budi"));
        assertThat(rendered.subject()).isEqualTo("Uji HTML");
        assertThat(rendered.text()).isEqualTo("Teks: Budi dari TTIS Trenggalekkab\n");
    }

    @Test
    void theHtmlVersionEscapesWhatReportersWrote() {
        MailTemplates.Rendered rendered = Rendering.render(new Named("test-html", "<script>alert(1)</script>"));
        assertThat(rendered.html()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(rendered.text()).contains("<script>alert(1)</script>");
    }
}
