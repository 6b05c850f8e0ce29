package id.go.trenggalekkab.csirt.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which indicators name a system marked vital: the name and the names under it, never a
 * look-alike that merely starts with it; addresses in a range, literal or in a URL; and a
 * name in a reporter's text is compared, never looked up.
 */
class VitalSystemsTest {

    private final IndicatorExtractor extractor = new IndicatorExtractor(List.of("trenggalekkab.go.id"));
    private final VitalSystems vital = new VitalSystems(List.of("sipd.trenggalekkab.go.id", " 10.77.0.0/16",
            "2001:db8:77::/48", "103.10.20.5"));

    @Test
    void theSystemAndWhatIsUnderItButNoLookAlike() {
        assertThat(named("Situs https://sipd.trenggalekkab.go.id/login mati")).containsExactly("sipd.trenggalekkab.go.id");
        assertThat(named("api.sipd.trenggalekkab.go.id diserang")).containsExactly("sipd.trenggalekkab.go.id");
        assertThat(named("email palsu admin@sipd.trenggalekkab.go.id")).containsExactly("sipd.trenggalekkab.go.id");
        assertThat(named("hxxps://sipd[.]trenggalekkab[.]go[.]id/x")).as("defanged").containsExactly("sipd.trenggalekkab.go.id");
        assertThat(named("tautan sipd.trenggalekkab.go.id.evil-login.com dan xsipd.trenggalekkab.go.id")).isEmpty();
        assertThat(named("portal.trenggalekkab.go.id")).as("the agency's other systems").isEmpty();
    }

    @Test
    void addressesInARangeLiteralOrInAUrl() {
        assertThat(named("server 10.77.3.4 lambat")).containsExactly("10.77.0.0/16");
        assertThat(named("buka http://10.77.200.1:8080/admin")).containsExactly("10.77.0.0/16");
        assertThat(named("dari http://[2001:db8:77::5]/panel")).containsExactly("2001:db8:77::/48");
        assertThat(named("alamat 103.10.20.5 dan 103.10.20.6")).containsExactly("103.10.20.5");
        assertThat(named("10.78.0.1 dan 44d88612fea8a8f36de82e1278abb02f")).isEmpty();
    }

    @Test
    void aMalformedEntryStopsTheDeskAndNothingConfiguredNamesNothing() {
        assertThatThrownBy(() -> new VitalSystems(List.of("sipd trenggalekkab")))
                .hasMessageContaining("'sipd trenggalekkab'");
        assertThatThrownBy(() -> new VitalSystems(List.of("10.77.0.0/40"))).isInstanceOf(IllegalArgumentException.class);
        VitalSystems none = new VitalSystems(List.of(""));
        assertThat(none.anyConfigured()).isFalse();
        assertThat(none.namedBy(extractor.extract("sipd.trenggalekkab.go.id 10.77.3.4", Set.of()))).isEmpty();
    }

    private Set<String> named(String text) {
        return vital.namedBy(extractor.extract(text, Set.of()));
    }
}
