package id.go.trenggalekkab.csirt.signin;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.signin.SignInLinks.Requested;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Someone hammering the sign-in form: a fourth link for one address within 15 minutes is
 * refused, whoever asks; a client asking for many addresses, in the directory or not, is
 * stopped after ten; and an address outside the directory gets the same answer as one in
 * it, with no mail. Only hashes of links are stored.
 */
class SignInLimitsTest extends DeskIntegrationTest {

    @Autowired
    SignInLinks links;

    @Test
    void linksAreLimitedPerAddressAndPerClientAndStrangersLearnNothing() {
        String browser = SignInLinks.newBrowserSecret();
        for (int i = 0; i < SignInLinks.PER_ADDRESS; i++) {
            assertThat(links.request(People.APH, "203.0.113." + i, browser)).isEqualTo(Requested.SENT_IF_KNOWN);
        }
        assertThat(links.request(People.APH, "203.0.113.99", browser)).as("another client, the same address")
                .isEqualTo(Requested.TOO_MANY);
        assertThat(count("SELECT count(*) FROM sign_in_request WHERE address = ? AND token_sha256 IS NOT NULL", People.APH))
                .isEqualTo(SignInLinks.PER_ADDRESS);
        assertThat(count("SELECT count(*) FROM sign_in_request WHERE token_sha256 ~ '^[0-9a-f]{64}$' AND address = ?",
                People.APH)).as("a hash, not the token").isEqualTo(SignInLinks.PER_ADDRESS);

        String stranger = TestMail.uniqueAddress("bukan-orang-desk");
        assertThat(links.request(stranger, "198.51.100.2", browser)).as("the same answer as for a person of the directory")
                .isEqualTo(Requested.SENT_IF_KNOWN);
        // the CSIRTs upward are in the directory only to receive the report: no way into the web view
        String sectoral = "csirt-sektoral@pemerintahan.example";
        assertThat(links.request(sectoral, "198.51.100.7", browser)).isEqualTo(Requested.SENT_IF_KNOWN);
        assertThat(count("SELECT count(*) FROM sign_in_request WHERE address = ? AND token_sha256 IS NOT NULL", sectoral))
                .isZero();
        for (int i = 1; i < SignInLinks.PER_CLIENT; i++) {
            links.request(TestMail.uniqueAddress("tebakan"), "198.51.100.2", browser);
        }
        assertThat(links.request(People.KADIS, "198.51.100.2", browser)).as("one client, many addresses")
                .isEqualTo(Requested.TOO_MANY);
        assertThat(links.request("bukan alamat", "198.51.100.3", browser)).isEqualTo(Requested.NOT_AN_ADDRESS);
        awaitQuiet();
        assertThat(TestMail.inboxOf(stranger)).as("no mail to an address outside the directory").isEmpty();
        assertThat(TestMail.inboxOf(sectoral, "Tautan masuk")).as("nor to a CSIRT upward").isEmpty();
    }

    @Test
    void behindTheTrustedProxyTheLimitsCountTheBrowserItNamesNotTheProxy() throws Exception {
        // the test's client is 127.0.0.1, the trusted proxy of the default: its X-Forwarded-For is believed
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String base = http.getRootUri();
        String form = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/masuk")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String address = TestMail.uniqueAddress("di-balik-proxy");
        java.net.http.HttpResponse<String> asked = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/masuk"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "198.51.100.77")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("email=" + address + "&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT client FROM sign_in_request WHERE address = ?", String.class, address))
                .isEqualTo("198.51.100.77");
    }
}
