package id.go.trenggalekkab.csirt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.DeskProcess;
import id.go.trenggalekkab.csirt.support.IsolatedDesk;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.TestMail;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two desks behind one address (issue 15's deployment) and one browser: signed in through
 * one instance, the officer is signed in on the other, because the session is in the
 * database they share; signed out on the second, the first no longer knows the session.
 * The browser here is an HTTP client with a cookie store: cookies go by host, not port,
 * as a browser's do when a proxy puts both instances behind one name.
 */
class SessionsAcrossInstancesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void signedInThroughOneInstanceSignedInOnTheOtherAndSignedOutOnBoth() throws Exception {
        IsolatedDesk desk = new IsolatedDesk("sessions").create();
        try (DeskProcess a = desk.instance("desk-a", Map.of()).start();
             DeskProcess b = desk.instance("desk-b", Map.of()).start()) {
            assertThat(a.awaitStarted(Duration.ofMinutes(3))).as("desk-a started (see %s)", a.log()).isTrue();
            assertThat(b.awaitStarted(Duration.ofMinutes(3))).as("desk-b started (see %s)", b.log()).isTrue();
            String onA = "http://127.0.0.1:" + a.httpPort();
            String onB = "http://127.0.0.1:" + b.httpPort();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).build();

            assertThat(get(browser, onB + "/").headers().firstValue("Location")).as("not signed in yet")
                    .hasValueSatisfying(l -> assertThat(l).contains("/masuk"));

            int before = linksFrom(onA).size();
            String form = get(browser, onA + "/masuk").body();
            assertThat(post(browser, onA + "/masuk", "email=" + URLEncoder.encode(People.OFFICER, StandardCharsets.UTF_8)
                    + "&_csrf=" + csrf(form)).statusCode()).isEqualTo(302);
            await().atMost(Duration.ofSeconds(60)).until(() -> linksFrom(onA).size() > before);
            List<String> links = linksFrom(onA);
            String link = links.get(links.size() - 1);
            String confirm = get(browser, link).body();
            String token = link.substring(link.indexOf("token=") + "token=".length());
            HttpResponse<String> signedIn = post(browser, onA + "/masuk/tautan", "token=" + token + "&_csrf=" + csrf(confirm));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("/masuk"));

            HttpResponse<String> queueOnB = get(browser, onB + "/");
            assertThat(queueOnB.statusCode()).as("the other instance knows the session").isEqualTo(200);
            assertThat(queueOnB.body()).contains("Antrean kasus");

            // signing out on B ends the session for A too
            assertThat(post(browser, onB + "/keluar", "_csrf=" + csrf(queueOnB.body())).statusCode()).isEqualTo(302);
            assertThat(get(browser, onA + "/").headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).contains("/masuk"));
        }
    }

    private static List<String> linksFrom(String base) {
        Pattern link = Pattern.compile(Pattern.quote(base) + "/masuk/tautan\\?token=[A-Za-z0-9_-]+");
        return TestMail.inboxOf(People.OFFICER).stream().map(TestMail::parse)
                .filter(m -> TestMail.subjectOf(m).startsWith("Tautan masuk"))
                .map(TestMail::textOf).map(link::matcher).filter(Matcher::find).map(Matcher::group).toList();
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a form with its CSRF token").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient browser, String url, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
