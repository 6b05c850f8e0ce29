package id.go.trenggalekkab.csirt.indicator;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Category;
import id.go.trenggalekkab.csirt.sop.Priority;
import id.go.trenggalekkab.csirt.sop.Tlp;
import id.go.trenggalekkab.csirt.system.Wib;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A case as a MISP event, in MISP's own JSON ({@code {"Event": {...}}}), for the team to
 * import or push to a MISP instance: the indicators as attributes with MISP's types and
 * categories, the TLP and the RSIT class as tags of MISP's taxonomies, and a distribution
 * that follows the TLP. Nothing of the reporter goes in: not their name, address or
 * subject line; the event is named by ticket number and category.
 */
public final class MispEvent {

    /** The RSIT values (MISP taxonomy "rsit") the desk's local types stand for. */
    private static final Map<String, String> RSIT_VALUES = Map.of(
            "defacement", "unauthorised-modification-of-information",
            "judi-online", "unauthorised-modification-of-information",
            "kebocoran-data", "leak-of-confidential-information",
            "data-leak", "leak-of-confidential-information",
            "phishing", "phishing",
            "ransomware", "infected-system",
            "malware", "infected-system",
            "ddos", "ddos");

    private MispEvent() {}

    /** MISP's type and category for each kind of indicator (MISP's own defaults for these types). */
    public record MispType(String type, String category) {}

    public static MispType typeOf(IndicatorType type) {
        return switch (type) {
            case IPV4, IPV6 -> new MispType("ip-src", "Network activity");
            case DOMAIN -> new MispType("domain", "Network activity");
            case URL -> new MispType("url", "Network activity");
            case EMAIL -> new MispType("email-src", "Payload delivery");
            case MD5 -> new MispType("md5", "Payload delivery");
            case SHA1 -> new MispType("sha1", "Payload delivery");
            case SHA256 -> new MispType("sha256", "Payload delivery");
            case CVE -> new MispType("vulnerability", "External analysis");
        };
    }

    /**
     * MISP's distribution for a TLP: RED and AMBER+STRICT never beyond the organisation (0),
     * AMBER this community (1), GREEN connected communities (2), CLEAR all (3).
     */
    public static int distribution(Tlp tlp) {
        return switch (tlp) {
            case RED, AMBER_STRICT -> 0;
            case AMBER -> 1;
            case GREEN -> 2;
            case CLEAR -> 3;
        };
    }

    /** Whether the case may leave the organisation at all (a push to a MISP server). */
    public static boolean shareable(Tlp tlp) {
        return distribution(tlp) > 0;
    }

    public static Map<String, Object> of(Ticket ticket, List<Indicator> indicators, String deskDomain) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("uuid", uuid("event", deskDomain, ticket.number().toString()));
        event.put("info", ticket.number() + ": insiden " + (ticket.category() == null ? "(belum dikategorikan)"
                : ticket.category().toString()) + " (" + deskDomain + ")");
        event.put("date", LocalDate.ofInstant(ticket.receivedAt(), Wib.ZONE).toString());
        event.put("threat_level_id", String.valueOf(threatLevel(ticket.priority())));
        event.put("analysis", String.valueOf(analysis(ticket.step())));
        event.put("distribution", String.valueOf(distribution(ticket.tlp())));
        event.put("published", false);
        List<Map<String, Object>> tags = new ArrayList<>();
        tags.add(Map.of("name", "tlp:" + ticket.tlp().label().toLowerCase(Locale.ROOT)));
        if (ticket.category() != null) {
            tags.add(Map.of("name", rsitTag(ticket.category())));
        }
        event.put("Tag", tags);
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (Indicator indicator : indicators) {
            MispType misp = typeOf(indicator.type());
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("uuid", uuid("attribute", deskDomain, ticket.number() + " " + indicator.type() + " " + indicator.value()));
            attribute.put("type", misp.type());
            attribute.put("category", misp.category());
            attribute.put("value", indicator.value());
            // what only describes the incident (a private address, the desk's own domain, a CVE) is not for IDS rules
            attribute.put("to_ids", indicator.mark() == Mark.NONE && indicator.type() != IndicatorType.CVE);
            // attributes inherit the event's distribution (5), so a RED case's never travel further than it
            attribute.put("distribution", "5");
            if (indicator.mark() != Mark.NONE) {
                attribute.put("comment", switch (indicator.mark()) {
                    case PRIVATE -> "private address range";
                    case DOCUMENTATION -> "documentation/test name or range";
                    case OWN -> "the reporting organisation's own domain or network";
                    case NONE -> "";
                });
            }
            attributes.add(attribute);
        }
        event.put("Attribute", attributes);
        return Map.of("Event", event);
    }

    /** MISP taxonomy "rsit": {@code rsit:fraud="phishing"}, or the class alone where the type is not one of RSIT's. */
    static String rsitTag(Category category) {
        String value = category.subtype() == null ? null : RSIT_VALUES.getOrDefault(category.subtype(), null);
        return value == null ? "rsit:" + category.taxonomyClass() : "rsit:" + category.taxonomyClass() + "=\"" + value + "\"";
    }

    private static int threatLevel(Priority priority) {
        if (priority == null) {
            return 4;
        }
        return switch (priority) {
            case HIGH -> 1;
            case MEDIUM -> 2;
            case LOW -> 3;
        };
    }

    /** 0 initial (being verified), 1 ongoing, 2 completed (the case is finished). */
    private static int analysis(CaseStep step) {
        if (step.isFinished()) {
            return 2;
        }
        return step == CaseStep.VERIFICATION ? 0 : 1;
    }

    private static String uuid(String kind, String deskDomain, String name) {
        return UUID.nameUUIDFromBytes(("csirt-maildesk " + kind + " " + deskDomain + " " + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
