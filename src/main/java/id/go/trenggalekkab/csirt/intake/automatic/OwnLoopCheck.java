package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.LoopHeader;
import id.go.trenggalekkab.csirt.mail.ParsedAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Mail the desk sent, come back: every message the desk sends carries its loop header, and
 * a bounce or a forward that returns it brings the header back in the header block of the
 * returned message. Looked for in header fields only (the message's own, and those of the
 * messages and header blocks it carries), never in body text: words in a report must not
 * make it automatic mail that is never answered and runs on no clock.
 */
@Component
@Order(10)
class OwnLoopCheck implements AutomaticMailCheck {

    /** Parts that are, or begin with, another message's header block. */
    private static final Set<String> RETURNED_HEADERS = Set.of(
            "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers");
    private static final int MAX_HEADER_BLOCK = 256 * 1024;

    @Override
    public Optional<String> reason(InboundMail mail) {
        if (mail.parsed().headers().has(LoopHeader.NAME)) {
            return Optional.of("carries the desk's own " + LoopHeader.NAME + " header: the desk's own mail came back");
        }
        for (ParsedAttachment part : mail.parsed().attachments()) {
            if (RETURNED_HEADERS.contains(part.contentType().toLowerCase(Locale.ROOT)) && headerBlockNamesLoop(part)) {
                return Optional.of("returns a message carrying the desk's own " + LoopHeader.NAME
                        + " header (part " + part.partPath() + "): the desk's own mail came back");
            }
        }
        return Optional.empty();
    }

    /** Whether the part's header block (up to its first empty line) has a field named like the loop header. */
    static boolean headerBlockNamesLoop(ParsedAttachment part) {
        byte[] head;
        try (InputStream in = part.content().open()) {
            head = in.readNBytes(MAX_HEADER_BLOCK);
        } catch (IOException unreadable) {
            return false;
        }
        String field = LoopHeader.NAME.toLowerCase(Locale.ROOT) + ":";
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r?\n", -1)) {
            if (line.isEmpty()) {
                return false;
            }
            if (line.toLowerCase(Locale.ROOT).startsWith(field)) {
                return true;
            }
        }
        return false;
    }
}
