package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Recognises a delivery report about mail the desk sent: the desk's Message-IDs have a
 * form of their own ({@code <ttis.UUID@desk-domain>}), and a bounce carries the returned
 * message, its headers or a quote of it. Reads the DSN's per-recipient fields (RFC 3464)
 * to tell a failure from a mere delay.
 */
@Component
public class OwnMailBounce {

    private static final Pattern FINAL_RECIPIENT = Pattern.compile(
            "(?im)^(?:Final|Original)-Recipient:\\s*[^;\\r\\n]*;\\s*<?([^\\s<>]+@[^\\s<>]+?)>?\\s*$");
    private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*([a-z]+)");
    private static final int REPORT_BYTES = 1 << 20;
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([0-9.]+)");

    private final Pattern deskMessageId;

    public OwnMailBounce(CsirtProperties properties) {
        this.deskMessageId = Pattern.compile("<ttis\\.[0-9a-f\\-]{36}@" + Pattern.quote(properties.deskDomain()) + ">",
                Pattern.CASE_INSENSITIVE);
    }

    /** What a delivery report says about the desk's own mail. */
    public record Bounce(List<String> deskMessageIds, boolean failed, List<String> recipients, String status) {}

    public Optional<Bounce> read(InboundMail mail) {
        // a DSN's report and the returned headers come first; a returned body can be huge
        String text = new String(mail.raw().head(REPORT_BYTES), StandardCharsets.ISO_8859_1);
        List<String> ids = new ArrayList<>();
        Matcher id = deskMessageId.matcher(text);
        while (id.find()) {
            String found = id.group().toLowerCase(Locale.ROOT);
            if (!ids.contains(found) && !found.equalsIgnoreCase(String.valueOf(mail.parsed().messageId()))) {
                ids.add(found);
            }
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<String> recipients = new ArrayList<>();
        Matcher r = FINAL_RECIPIENT.matcher(text);
        while (r.find()) {
            String address = r.group(1).toLowerCase(Locale.ROOT);
            if (!recipients.contains(address)) {
                recipients.add(address);
            }
        }
        Matcher action = ACTION.matcher(text);
        boolean failed = action.find() ? action.group(1).equalsIgnoreCase("failed")
                : mail.parsed().headers().has("X-Failed-Recipients");
        Matcher status = STATUS.matcher(text);
        return Optional.of(new Bounce(ids, failed, recipients, status.find() ? status.group(1) : null));
    }
}
