package id.go.trenggalekkab.csirt.mail;

/**
 * Jakarta Mail's switches for reading mail as it really arrives: broken base64, unknown
 * transfer encodings, missing boundaries, encoded words in the middle of words, RFC 2231
 * and RFC 2047 filenames; and where its stream provider is. Some are read once when Jakarta Mail's classes load, so this
 * runs as early as possible (from the environment post-processor, and before parsing).
 */
public final class MimeLeniency {

    private MimeLeniency() {}

    public static void apply() {
        set("mail.mime.decodetext.strict", "false");
        set("mail.mime.ignoreunknownencoding", "true");
        set("mail.mime.base64.ignoreerrors", "true");
        set("mail.mime.uudecode.ignoreerrors", "true");
        set("mail.mime.uudecode.ignoremissingbeginend", "true");
        set("mail.mime.multipart.ignoremissingendboundary", "true");
        set("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        set("mail.mime.multipart.allowempty", "true");
        set("mail.mime.parameters.strict", "false");
        set("mail.mime.decodefilename", "true");
        set("mail.mime.decodeparameters", "true");
        set("mail.mime.applefilenames", "true");
        // Jakarta Mail looks its stream provider up anew, by a ServiceLoader scan of every jar,
        // on each encode and decode (jakartaee/mail-api#861): a tenth of the intake's CPU in a
        // flood of reports. Named here, it is found by its class name instead.
        set("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
