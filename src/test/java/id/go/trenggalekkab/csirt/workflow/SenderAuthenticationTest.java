package id.go.trenggalekkab.csirt.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.mail.MailParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is believed: each attack on Authentication-Results, one at a time. */
class SenderAuthenticationTest {

    private static final String OWN = "Received: from gw.example.net by mx.trenggalekkab.go.id (Postfix) with ESMTPS id 1;"
            + " Tue, 1 Dec 2026 19:00:00 +0700";
    private static final String FOREIGN = "Received: from evil.example by relay.evil.example with SMTP; Tue, 1 Dec 2026"
            + " 18:59:00 +0700";

    private final SenderAuthentication authentication = new SenderAuthentication(
            new CommandProperties("mx.trenggalekkab.go.id", true, List.of()));
    private final MailParser parser = new MailParser();

    /** A command mail whose header block is exactly these lines, top first, then From and Subject. */
    private boolean believed(String from, String... headerLines) {
        return verdict(from, headerLines).authenticated();
    }

    private SenderAuthentication.Verdict verdict(String from, String... headerLines) {
        StringBuilder m = new StringBuilder();
        for (String line : headerLines) {
            m.append(line).append("\r\n");
        }
        if (from != null) {
            m.append("From: ").append(from).append("\r\n");
        }
        m.append("Subject: [TTIS-2026-00001] #verifikasi\r\n\r\nok\r\n");
        return authentication.check(parser.parse(m.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String results(String value) {
        return "Authentication-Results: " + value;
    }

    @Test
    void dkimOrDmarcPassForTheSendersDomainFromTheDesksOwnServer() {
        assertThat(believed("petugas@trenggalekkab.go.id", results("mx.trenggalekkab.go.id;\r\n dkim=pass (2048-bit key)"
                + " header.d=trenggalekkab.go.id header.s=s1; spf=pass smtp.mailfrom=trenggalekkab.go.id"), OWN)).isTrue();
        assertThat(believed("petugas@trenggalekkab.go.id",
                results("mx.trenggalekkab.go.id 1; spf=fail; dmarc=pass (p=reject) header.from=trenggalekkab.go.id"))).isTrue();
        assertThat(believed("petugas@dinas.trenggalekkab.go.id",
                results("MX.Trenggalekkab.go.id; dkim=pass header.d=trenggalekkab.go.id"))).isTrue();
        assertThat(believed("petugas@trenggalekkab.go.id",
                results("mx.trenggalekkab.go.id; dkim=pass header.i=@trenggalekkab.go.id"))).isTrue();
    }

    @Test
    void forgedOrMisalignedResultsAreNotBelieved() {
        // a forged From of a real officer: the desk's server found no valid signature
        assertThat(believed("petugas@trenggalekkab.go.id", results("mx.trenggalekkab.go.id; dkim=fail"
                + " header.d=trenggalekkab.go.id; dmarc=fail header.from=trenggalekkab.go.id"))).isFalse();
        // a pass, but for the attacker's own domain
        assertThat(believed("petugas@trenggalekkab.go.id",
                results("mx.trenggalekkab.go.id; dkim=pass header.d=attacker.example"))).isFalse();
        // the attacker wrote a passing header of someone else's server
        assertThat(believed("petugas@trenggalekkab.go.id",
                results("mx.attacker.example; dkim=pass header.d=trenggalekkab.go.id"))).isFalse();
        // a look-alike domain must not align
        assertThat(believed("petugas@eviltrenggalekkab.go.id",
                results("mx.trenggalekkab.go.id; dkim=pass header.d=trenggalekkab.go.id"))).isFalse();
        assertThat(verdict("petugas@trenggalekkab.go.id").reason())
                .contains("no Authentication-Results from mx.trenggalekkab.go.id");
    }

    @Test
    void resultsBelowAnotherServersReceivedFieldWereWrittenByAnyoneAndAreIgnored() {
        // the attacker's own relay passed on a header block claiming the desk's authserv-id
        assertThat(believed("petugas@trenggalekkab.go.id", OWN, FOREIGN,
                results("mx.trenggalekkab.go.id; dkim=pass header.d=trenggalekkab.go.id"))).isFalse();
        // the desk's own server's result above it still counts, and only that one
        assertThat(believed("petugas@trenggalekkab.go.id",
                results("mx.trenggalekkab.go.id; dkim=fail header.d=trenggalekkab.go.id"), OWN, FOREIGN,
                results("mx.trenggalekkab.go.id; dkim=pass header.d=trenggalekkab.go.id"))).isFalse();
        assertThat(believed("petugas@trenggalekkab.go.id",
                results("mx.trenggalekkab.go.id; dkim=pass header.d=trenggalekkab.go.id"), OWN, FOREIGN)).isTrue();
    }

    @Test
    void quotedStringsAndCommentsNeverSplitAResult() {
        // a ';' inside a quoted smtp.mailfrom is not a new result
        assertThat(believed("petugas@trenggalekkab.go.id", results("mx.trenggalekkab.go.id; spf=pass"
                + " smtp.mailfrom=\"x;dkim=pass header.d=trenggalekkab.go.id\"@evil.example"))).isFalse();
        // nor inside a comment
        assertThat(believed("petugas@trenggalekkab.go.id", results("mx.trenggalekkab.go.id; dkim=fail"
                + " (bad sig; dkim=pass header.d=trenggalekkab.go.id) header.d=trenggalekkab.go.id"))).isFalse();
        AuthenticationResults parsed = AuthenticationResults.parse("mx.trenggalekkab.go.id (my (nested) comment);"
                + " spf=pass smtp.mailfrom=\"a;b\\\"c\"@example.org; dkim=pass header.d=example.org");
        assertThat(parsed.authservId()).isEqualTo("mx.trenggalekkab.go.id");
        assertThat(parsed.results()).extracting(AuthenticationResults.Result::method).containsExactly("spf", "dkim");
        assertThat(parsed.results().get(0).property("smtp.mailfrom")).isEqualTo("a;b\"c@example.org");
    }

    @Test
    void aMailWithTwoFromSenderOrSubjectFieldsNeverCommands() {
        String pass = results("mx.trenggalekkab.go.id; dkim=pass header.d=trenggalekkab.go.id");
        assertThat(believed("petugas@trenggalekkab.go.id", pass, "From: attacker@evil.example")).isFalse();
        assertThat(believed("petugas@trenggalekkab.go.id", pass, "Subject: [TTIS-2026-00001] #selesai")).isFalse();
        assertThat(verdict("petugas@trenggalekkab.go.id", pass, "Sender: a@trenggalekkab.go.id",
                "Sender: b@evil.example").reason()).contains("more than one Sender");
    }

    @Test
    void alignmentIsByOrganisationalDomainNeverByAPublicSuffix() {
        assertThat(SenderAuthentication.aligned("dinas.trenggalekkab.go.id", "trenggalekkab.go.id")).isTrue();
        assertThat(SenderAuthentication.aligned("trenggalekkab.go.id", "mail.trenggalekkab.go.id")).isTrue();
        // a signature by the public suffix, or by a sibling organisation under it, speaks for nobody else
        assertThat(SenderAuthentication.aligned("trenggalekkab.go.id", "go.id")).isFalse();
        assertThat(SenderAuthentication.aligned("trenggalekkab.go.id", "tulungagungkab.go.id")).isFalse();
        assertThat(SenderAuthentication.aligned("polres-trenggalek.example", "example")).isFalse();
        assertThat(SenderAuthentication.aligned("a.b.co.uk", "b.co.uk")).isTrue();
        assertThat(SenderAuthentication.aligned("x.co.uk", "co.uk")).isFalse();
        assertThat(SenderAuthentication.organisationalDomain("not a domain")).isEmpty();
    }
}
