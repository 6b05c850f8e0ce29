package id.go.trenggalekkab.csirt.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SenderAuthenticationTest {

    private final SenderAuthentication authentication = new SenderAuthentication("mx.trenggalekkab.go.id");
    private final MailParser parser = new MailParser();

    private ParsedMail mail(String from, String... authenticationResults) {
        StringBuilder m = new StringBuilder();
        for (String ar : authenticationResults) {
            m.append("Authentication-Results: ").append(ar).append("\r\n");
        }
        m.append("From: ").append(from).append("\r\nSubject: [TTIS-2026-00001] #verifikasi\r\n\r\nok\r\n");
        return parser.parse(m.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dkimOrDmarcPassForTheSendersDomainFromTheDesksOwnServer() {
        assertThat(authentication.check(mail("petugas@trenggalekkab.go.id",
                "mx.trenggalekkab.go.id;\r\n dkim=pass (2048-bit key) header.d=trenggalekkab.go.id header.s=s1;"
                        + " spf=pass smtp.mailfrom=trenggalekkab.go.id")).authenticated()).isTrue();
        assertThat(authentication.check(mail("petugas@trenggalekkab.go.id",
                "mx.trenggalekkab.go.id 1; spf=fail; dmarc=pass (p=reject) header.from=trenggalekkab.go.id"))
                .authenticated()).isTrue();
        assertThat(authentication.check(mail("petugas@dinas.trenggalekkab.go.id",
                "MX.Trenggalekkab.go.id; dkim=pass header.d=trenggalekkab.go.id")).authenticated()).isTrue();
    }

    @Test
    void forgedOrMisalignedResultsAreNotBelieved() {
        // a forged From of a real officer: the desk's server found no valid signature
        assertThat(authentication.check(mail("petugas@trenggalekkab.go.id",
                "mx.trenggalekkab.go.id; dkim=fail header.d=trenggalekkab.go.id; dmarc=fail header.from=trenggalekkab.go.id"))
                .authenticated()).isFalse();
        // a pass, but for the attacker's own domain
        assertThat(authentication.check(mail("petugas@trenggalekkab.go.id",
                "mx.trenggalekkab.go.id; dkim=pass header.d=attacker.example")).authenticated()).isFalse();
        // the attacker wrote a passing header of someone else's server
        assertThat(authentication.check(mail("petugas@trenggalekkab.go.id",
                "mx.attacker.example; dkim=pass header.d=trenggalekkab.go.id")).authenticated()).isFalse();
        // a look-alike domain must not align
        assertThat(authentication.check(mail("petugas@eviltrenggalekkab.go.id",
                "mx.trenggalekkab.go.id; dkim=pass header.d=trenggalekkab.go.id")).authenticated()).isFalse();
        assertThat(authentication.check(mail("petugas@trenggalekkab.go.id")).reason())
                .contains("no Authentication-Results from mx.trenggalekkab.go.id");
    }
}
