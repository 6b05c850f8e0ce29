package id.go.trenggalekkab.csirt.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Category;
import id.go.trenggalekkab.csirt.sop.Priority;
import id.go.trenggalekkab.csirt.sop.Tlp;
import id.go.trenggalekkab.csirt.ticket.Ticket;
import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The MISP export holds to MISP's own rules (each attribute's type allowed in its category,
 * tags of the tlp and rsit taxonomies, distribution levels) and carries nothing of the reporter.
 */
class MispEventTest {

    /**
     * The part of MISP's category definitions (MISP/MISP, AttributesTable, "categoryDefinitions")
     * that covers the types the desk exports: which types each category admits.
     */
    private static final Map<String, Set<String>> MISP_CATEGORIES = Map.of(
            "Network activity", Set.of("ip-src", "ip-dst", "hostname", "domain", "url", "email-src", "email-dst"),
            "Payload delivery", Set.of("md5", "sha1", "sha256", "email-src", "email-dst", "url", "ip-src", "vulnerability"),
            "External analysis", Set.of("md5", "sha1", "sha256", "ip-src", "ip-dst", "url", "domain", "vulnerability"));
    private static final Set<String> DISTRIBUTIONS = Set.of("0", "1", "2", "3", "4", "5");

    private final IndicatorExtractor extractor = new IndicatorExtractor(List.of("trenggalekkab.go.id"));

    @Test
    void everyAttributeIsOfATypeItsCategoryAdmitsAndTheTagsAreTaxonomyTags() throws Exception {
        JsonNode event = json(ticket(Tlp.AMBER, new Category("information-content-security", "defacement")));
        assertThat(event.path("Attribute")).hasSize(9);
        for (JsonNode attribute : event.path("Attribute")) {
            assertThat(MISP_CATEGORIES.get(attribute.path("category").asText()))
                    .as("category %s admits %s", attribute.path("category").asText(), attribute.path("type").asText())
                    .contains(attribute.path("type").asText());
            assertThat(UUID.fromString(attribute.path("uuid").asText())).isNotNull();
            assertThat(DISTRIBUTIONS).contains(attribute.path("distribution").asText());
        }
        assertThat(event.path("Tag").findValuesAsText("name"))
                .containsExactly("tlp:amber", "rsit:information-content-security=\"unauthorised-modification-of-information\"");
        assertThat(event.path("distribution").asText()).isEqualTo("1");
        assertThat(event.path("threat_level_id").asText()).isEqualTo("1");
        assertThat(UUID.fromString(event.path("uuid").asText())).isNotNull();
        assertThat(json(ticket(Tlp.AMBER, null)).path("uuid").asText()).as("the same case, the same event")
                .isEqualTo(event.path("uuid").asText());
        // a private address or the desk's own domain is kept, but not for IDS rules
        for (JsonNode attribute : event.path("Attribute")) {
            boolean plain = !attribute.has("comment") && !attribute.path("type").asText().equals("vulnerability");
            assertThat(attribute.path("to_ids").asBoolean()).as(attribute.toString()).isEqualTo(plain);
        }
    }

    @Test
    void redAndAmberStrictNeverLeaveTheOrganisation() throws Exception {
        assertThat(json(ticket(Tlp.RED, null)).path("distribution").asText()).isEqualTo("0");
        assertThat(json(ticket(Tlp.AMBER_STRICT, null)).path("distribution").asText()).isEqualTo("0");
        assertThat(MispEvent.shareable(Tlp.RED)).isFalse();
        assertThat(MispEvent.shareable(Tlp.AMBER_STRICT)).isFalse();
        assertThat(MispEvent.shareable(Tlp.GREEN)).isTrue();
        assertThat(json(ticket(Tlp.RED, null)).path("Tag").findValuesAsText("name")).containsExactly("tlp:red");
    }

    @Test
    void nothingOfTheReporterIsInTheEvent() throws Exception {
        String text = new ObjectMapper().writeValueAsString(MispEvent.of(
                ticket(Tlp.GREEN, new Category("fraud", "phishing")), indicators(), "trenggalekkab.go.id"));
        assertThat(text).doesNotContain("Siti Rahayu", "siti.rahayu@dinkes.example.org", "Situs Dinkes diretas semalam");
    }

    private List<Indicator> indicators() {
        return extractor.extract("""
                Penyerang 45.13.227.9 dan 2a03:2880:f12f:83:face:b00c::25de, gateway 192.168.1.1,
                shell hxxp://dinkes-x[.]go[.]id/s.php, domain c2-panel.xyz, kirim ke penipu@mail-palsu.net,
                md5 44d88612fea8a8f36de82e1278abb02f sha256 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f,
                celah CVE-2024-3400
                """, Set.of("siti.rahayu@dinkes.example.org"));
    }

    private Ticket ticket(Tlp tlp, Category category) {
        return new Ticket(1, new TicketNumber(2026, 12), CaseStep.ANALYSIS, "Siti Rahayu", "siti.rahayu@dinkes.example.org",
                "Situs Dinkes diretas semalam", Instant.parse("2026-12-01T19:30:00Z"), false, null, null, category,
                Priority.HIGH, tlp, null);
    }

    private JsonNode json(Ticket ticket) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        return mapper.readTree(mapper.writeValueAsString(MispEvent.of(ticket, indicators(), "trenggalekkab.go.id")))
                .path("Event");
    }
}
