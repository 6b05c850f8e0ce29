package id.go.trenggalekkab.csirt.outbound;

/**
 * The values one mail template needs, as a record whose components the template names.
 * Each template under {@code templates/mail/} has exactly one such type; a name the
 * template uses and the record lacks fails the render rather than printing a blank.
 */
public interface MailModel {

    /** The template: {@code templates/mail/<name>.mustache}, and {@code <name>.html.mustache} where mail has an HTML version. */
    String template();
}
