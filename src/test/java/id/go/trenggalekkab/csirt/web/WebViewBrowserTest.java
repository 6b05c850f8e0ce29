package id.go.trenggalekkab.csirt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import id.go.trenggalekkab.csirt.access.PersonTokens;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.support.Browser;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.MovableClock;
import id.go.trenggalekkab.csirt.support.People;
import id.go.trenggalekkab.csirt.support.PoisonMessages;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web view in a real browser (Debian's headless Chromium): sign-in by a link read from
 * the person's mailbox, the queue, a case, and the attacks the view must stand: a hostile
 * report rendered as text (no script runs, nothing remote is fetched: a canary server
 * counts requests), a form posted without its CSRF token, a link used twice, expired, or
 * opened in another browser, and people seeing only what their role allows. Screenshots
 * of each page go to target/screenshots/.
 */
class WebViewBrowserTest extends DeskIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/masuk/tautan\\?token=[A-Za-z0-9_-]+");

    @LocalServerPort
    int port;

    @Autowired
    PersonTokens personTokens;

    @Autowired
    MovableClock clock;

    @Test
    void anOfficerSignsInSeesTheQueueAndACaseAndAHostileReportStaysText() throws Exception {
        AtomicInteger canaryHits = new AtomicInteger();
        HttpServer canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        canary.createContext("/", exchange -> {
            canaryHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        canary.start();
        try (Browser browser = Browser.open()) {
            String reporter = TestMail.uniqueAddress("penyerang");
            String id = TestMail.newMessageId();
            TestMail.deliver(reporter, hostileReport(reporter, id, "http://127.0.0.1:" + canary.getAddress().getPort()));
            String ticket = awaitTicketOf(id);

            signIn(browser, People.OFFICER);
            ChromeDriver page = browser.driver();
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Antrean kasus");
            assertThat(page.findElement(By.id("queue")).getText()).contains(ticket).contains("Verifikasi laporan");
            browser.screenshot("queue");

            page.findElement(By.linkText(ticket)).click();
            assertThat(page.findElement(By.tagName("h1")).getText()).contains(ticket).contains("<script>alert('subjek')</script>");
            String text = page.findElement(By.tagName("main")).getText();
            assertThat(text).contains(reporter).contains("Verifikasi laporan").contains("Situs kami diretas.")
                    .contains("klik di sini <javascript:alert(3)>").contains("bukti\"><img src=x onerror=alert(4)>.html");
            for (String element : List.of("script", "img", "iframe", "style", "object", "embed")) {
                assertThat(page.findElements(By.tagName(element))).as("no <" + element + "> on the page").isEmpty();
            }
            assertThat(page.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
            // the report's indicators, defanged, and nothing in their table one could click
            assertThat(page.findElement(By.id("indicators")).getText()).contains("45[.]13[.]227[.]9")
                    .contains("hxxp[://]evil-x[.]com/a.php").doesNotContain("http://evil-x");
            assertThat(page.findElements(By.cssSelector("#indicators a"))).isEmpty();
            assertThat(page.findElements(By.cssSelector("a[href*='evil-x']"))).as("no link to the attacker's site").isEmpty();
            browser.screenshot("case");
            assertThatThrownBy(() -> page.switchTo().alert()).as("no script of the reporter's ran")
                    .isInstanceOf(NoAlertPresentException.class);
            assertThat(canaryHits.get()).as("nothing remote was fetched").isZero();
            assertThat(browser.console()).noneMatch(line -> line.contains("alert"));

            // the attachment comes as a download of the stored bytes, never a page
            HttpResponse<byte[]> download = asTheBrowser(browser, "GET",
                    page.findElement(By.cssSelector("#attachments a")).getAttribute("href"));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
            assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("<script>alert(5)</script>");
            assertThat(download.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");

            // a form posted from elsewhere, with the session but without its CSRF token, does nothing
            HttpResponse<byte[]> forged = asTheBrowser(browser, "POST", "http://127.0.0.1:" + port + "/keluar");
            assertThat(forged.statusCode()).isEqualTo(403);
            page.navigate().refresh();
            assertThat(page.findElement(By.tagName("h1")).getText()).as("still signed in").contains(ticket);
        } finally {
            canary.stop(0);
        }
    }

    @Test
    void aLinkWorksOnceBeforeItExpiresAndOnlyInTheBrowserThatAskedForIt() throws Exception {
        try (Browser first = Browser.open()) {
            String link = requestLink(first, People.PIKET);
            first.driver().get(link);
            String tokenBeforeSignIn = first.driver().findElement(By.cssSelector("form input[type=hidden][name=_csrf]"))
                    .getAttribute("value");
            submit(first, By.id("masuk"));
            assertThat(first.driver().getPageSource()).contains("Antrean kasus");
            // a form token a page showed before sign-in (to whoever could see that page) is worth nothing after it
            assertThat(asTheBrowser(first, "POST", "http://127.0.0.1:" + port + "/keluar",
                    "_csrf=" + java.net.URLEncoder.encode(tokenBeforeSignIn, StandardCharsets.UTF_8)).statusCode())
                    .isEqualTo(403);
            // the session lives in the desk's database, where every instance behind one address finds it
            String session = sessionIdOf(first);
            assertThat(count("SELECT count(*) FROM spring_session WHERE session_id = ? AND principal_name = ?", session,
                    People.PIKET)).isEqualTo(1);
            // the signed-in page's own form still works
            submit(first, By.cssSelector("header form button"));
            assertThat(first.driver().getPageSource()).contains("Anda sudah keluar");
            assertThat(count("SELECT count(*) FROM spring_session WHERE session_id = ?", session))
                    .as("signing out ends it there too").isZero();
            assertThat(use(first, link)).contains("sudah dipakai");
            first.screenshot("sign-in-link-used");
        }
        try (Browser browser = Browser.open()) {
            String link = requestLink(browser, People.KASI);
            TestServers.ownerJdbc().update("UPDATE sign_in_request SET expires_at = requested_at - interval '1 minute' WHERE address = ?",
                    People.KASI);
            assertThat(use(browser, link)).contains("kedaluwarsa");
            assertThat(browser.driver().getCurrentUrl()).doesNotEndWith(":" + port + "/");
        }
        try (Browser asking = Browser.open(); Browser other = Browser.open()) {
            String link = requestLink(asking, People.KABID);
            assertThat(use(other, link)).contains("peramban lain");
            other.driver().get("http://127.0.0.1:" + port + "/");
            assertThat(other.driver().getCurrentUrl()).as("not signed in").contains("/masuk");
            assertThat(use(asking, link)).as("still good where it was asked for").contains("Antrean kasus");
            String kabidSession = sessionIdOf(asking);
            Cookie session = asking.driver().manage().getCookieNamed("CSIRT_SESSION");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");

            // a working day after sign-in the session is over, however busy it was
            clock.advance(Duration.ofHours(9).plusMinutes(1));
            try {
                asking.driver().get("http://127.0.0.1:" + port + "/");
                assertThat(asking.driver().getCurrentUrl()).as("signed out after 9 hours").contains("/masuk");
                assertThat(count("SELECT count(*) FROM spring_session WHERE session_id = ?", kabidSession))
                        .as("and gone from the database").isZero();
            } finally {
                clock.reset();
            }
        }
    }

    @Test
    void handlersAndTheKadisSeeOnlyWhatTheirRoleAllows() throws Exception {
        String reporter = TestMail.uniqueAddress("pelapor-rahasia");
        String ticket = newCase(reporter, "Data kependudukan bocor");
        try (Browser ttis = Browser.open()) {
            signIn(ttis, People.TTIS);
            assertThat(ttis.driver().getPageSource()).as("not handed to TTIS").doesNotContain(ticket);
            ttis.driver().get("http://127.0.0.1:" + port + "/kasus/" + ticket);
            assertThat(ttis.driver().getPageSource()).doesNotContain("Data kependudukan bocor").doesNotContain(reporter);
            HttpResponse<byte[]> api = asTheBrowser(ttis, "GET", "http://127.0.0.1:" + port + "/api/tickets/" + ticket);
            assertThat(api.statusCode()).as("the API keeps the same rule").isEqualTo(404);

            // TTIS's own API token, made on the page: the same rule, without the browser
            ttis.driver().get("http://127.0.0.1:" + port + "/token-api");
            submit(ttis, By.id("create-token"));
            String token = ttis.driver().findElement(By.id("new-token")).getText();
            HttpRequest withToken = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets/" + ticket))
                    .header("Authorization", "Bearer " + token).build();
            assertThat(HttpClient.newHttpClient().send(withToken, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("a person's token reads as that person").isEqualTo(404);
            assertThat(count("SELECT count(*) FROM api_token WHERE token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')"
                    + " AND last_used_at IS NOT NULL", token)).as("kept as a hash, its use noted").isEqualTo(1);
            submit(ttis, By.cssSelector("#tokens form button"));
            assertThat(count("SELECT count(*) FROM api_token WHERE token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')"
                    + " AND revoked_at IS NOT NULL", token)).as("revoked").isEqualTo(1);
            assertThat(personTokens.owner(token)).as("a revoked token is nobody's").isEmpty();
        }
        try (Browser kadis = Browser.open()) {
            signIn(kadis, People.KADIS);
            assertThat(kadis.driver().findElement(By.id("queue")).getText()).contains(ticket);
            kadis.driver().findElement(By.linkText(ticket)).click();
            String text = kadis.driver().findElement(By.tagName("main")).getText();
            assertThat(text).contains("Data kependudukan bocor").contains("tidak ditampilkan untuk peran Anda")
                    .doesNotContain(reporter).doesNotContain("Logbook");
            assertThat(kadis.driver().findElements(By.cssSelector("main form"))).as("the Kadis cannot act").isEmpty();
            kadis.screenshot("case-as-kadis");
            kadis.driver().findElement(By.linkText("Angka")).click();
            assertThat(kadis.driver().findElement(By.id("summary")).getText()).contains("Laporan masuk");
            // this week, which holds the report above
            kadis.driver().findElement(By.name("minggu")).sendKeys(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            submit(kadis, By.cssSelector("main form button"));
            String received = kadis.driver().findElement(By.cssSelector("#summary tr:first-child td")).getText();
            assertThat(Integer.parseInt(received.strip())).as("reports received this week").isPositive();
            assertThat(kadis.driver().findElement(By.id("shares")).getText()).contains("Verifikasi laporan");
            WebElement chart = kadis.driver().findElement(By.cssSelector("main img"));
            assertThat((Boolean) kadis.driver().executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", chart))
                    .as("the chart loads from the desk itself").isTrue();
            kadis.screenshot("figures");
            assertThat(kadis.driver().findElements(By.linkText("Karantina"))).as("quarantine is the officers'").isEmpty();
            HttpResponse<byte[]> api = asTheBrowser(kadis, "GET", "http://127.0.0.1:" + port + "/api/tickets/" + ticket);
            assertThat(new String(api.body(), StandardCharsets.UTF_8)).contains("\"reporter\":null").doesNotContain(reporter);
        }
    }

    @Test
    void anOfficerTakesACaseFromVerificationToClosingWithTheForms() throws Exception {
        String reporter = TestMail.uniqueAddress("pelapor-kecamatan");
        String ticket = newCase(reporter, "Situs kecamatan diretas");
        try (Browser browser = Browser.open()) {
            signIn(browser, People.OFFICER);
            browser.driver().get("http://127.0.0.1:" + port + "/kasus/" + ticket);

            assertThat(give(browser, "#bukan-insiden", "", "")).as("the same checks as by mail: a reason is needed")
                    .contains("problem");
            assertThat(give(browser, "#verifikasi", "", "Benar, situs diretas.")).contains("notice");
            assertThat(step(ticket)).isEqualTo(CaseStep.CATEGORISATION);
            give(browser, "#kategori", "defacement", "");
            give(browser, "#prioritas", "tinggi", "");
            awaitStep(ticket, CaseStep.ANALYSIS);
            browser.driver().navigate().refresh();
            assertThat(browser.driver().findElement(By.id("upward")).getText()).as("a high priority owes the report upward")
                    .contains("prioritas tinggi").contains("Belum dikirim");
            browser.screenshot("case-forms");
            assertThat(give(browser, "#lapor-bssn", "", "Tampilan situs kecamatan diganti; informasi publik tidak tersedia."))
                    .contains("notice");
            assertThat(browser.driver().findElement(By.id("upward")).getText()).contains("Terkirim").contains(People.OFFICER);
            give(browser, "#ttis", "", "Pulihkan dari cadangan.");
            awaitStep(ticket, CaseStep.REPAIR);

            // TTIS answers by mail, as it always does
            command(People.TTIS, ticket, "#perbaikan", "Dipulihkan.");
            command(People.TTIS, ticket, "#analisis", "Plugin usang.");
            command(People.TTIS, ticket, "#logbook", "Dicatat.");
            awaitStep(ticket, CaseStep.CLOSING);

            browser.driver().navigate().refresh();
            give(browser, "#selesai", "", "Selesai ditangani.");
            awaitStep(ticket, CaseStep.CLOSED);
        }
        await().atMost(PATIENCE).until(() -> mailsAbout(reporter, ticket, "Laporan selesai ditangani").size() == 1);
        assertThat(ticket(ticket).path("logbook").findValuesAsText("detail"))
                .anyMatch(d -> d.startsWith("#verifikasi") && d.endsWith("(web)"))
                .anyMatch(d -> d.startsWith("#selesai") && d.endsWith("(web)"));
        assertThat(ticket(ticket).path("logbook").findValuesAsText("actor")).contains(People.OFFICER);
    }

    @Test
    void quarantinedMailIsReadAsTextAndASupervisorReplaysIt() throws Exception {
        String reporter = TestMail.uniqueAddress("karantina-web");
        String id = TestMail.newMessageId();
        TestMail.deliver(reporter, TestMail.report(reporter, "Laporan yang memicu bug", "<script>alert(6)</script> Situs diretas.",
                "Message-ID: " + id, PoisonMessages.UNTIL_FIXED + ": yes"));
        await().atMost(PATIENCE).until(() -> quarantineRowOf(id) != null);
        long row = quarantineRowOf(id);
        try {
            try (Browser officer = Browser.open()) {
                signIn(officer, People.PIKET);
                officer.driver().get("http://127.0.0.1:" + port + "/karantina");
                assertThat(officer.driver().findElement(By.id("quarantine")).getText()).contains("#" + row)
                        .contains("fails until its cause is fixed");
                assertThat(officer.driver().findElements(By.cssSelector("#quarantine form"))).as("officers do not replay")
                        .isEmpty();
            }
            try (Browser supervisor = Browser.open()) {
                signIn(supervisor, People.KABID);
                ChromeDriver page = supervisor.driver();
                page.get("http://127.0.0.1:" + port + "/karantina/" + row);
                assertThat(page.findElement(By.id("raw")).getText()).contains("<script>alert(6)</script>").contains(id);
                assertThat(page.findElements(By.tagName("script"))).isEmpty();
                page.get("http://127.0.0.1:" + port + "/karantina");
                supervisor.screenshot("quarantine");
                PoisonMessages.CAUSE_FIXED.set(true);
                submit(supervisor, By.cssSelector("#quarantine form[action='/karantina/" + row + "/ulang'] button"));
                assertThat(page.findElement(By.cssSelector("main > p.notice")).getText()).contains("#" + row)
                        .contains("new ticket");
                assertThat(ticketOf(id)).isNotNull();
            }
        } finally {
            PoisonMessages.CAUSE_FIXED.set(false);
        }
    }

    /** Gives a command with the case page's form; the outcome's paragraph as HTML. */
    private static String give(Browser browser, String command, String argument, String note) {
        ChromeDriver page = browser.driver();
        new Select(page.findElement(By.id("perintah"))).selectByValue(command);
        page.findElement(By.id("argumen")).sendKeys(argument);
        page.findElement(By.id("catatan")).sendKeys(note);
        submit(browser, By.cssSelector("#command button"));
        return page.findElement(By.cssSelector("main > p.notice, main > p.problem")).getAttribute("outerHTML");
    }

    /** Signs a person in through the mailed link; returns the link, now spent. */
    private String signIn(Browser browser, String address) {
        String link = requestLink(browser, address);
        assertThat(use(browser, link)).contains("Antrean kasus");
        return link;
    }

    private String requestLink(Browser browser, String address) {
        int before = linksFor(address).size();
        ChromeDriver page = browser.driver();
        page.get("http://127.0.0.1:" + port + "/masuk");
        assertThat(page.getPageSource()).as("the sign-in page").contains("id=\"email\"");
        page.findElement(By.id("email")).sendKeys(address);
        submit(browser, By.cssSelector("main form button"));
        assertThat(page.getPageSource()).contains("tautan masuk sudah dikirim");
        await().atMost(PATIENCE).until(() -> linksFor(address).size() > before);
        List<String> links = linksFor(address);
        return links.get(links.size() - 1);
    }

    /** Opens the link and presses its button; the page it leads to. */
    private static String use(Browser browser, String link) {
        browser.driver().get(link);
        submit(browser, By.id("masuk"));
        return browser.driver().getPageSource();
    }

    /** Presses a form's button and waits for the page it leads to. */
    private static void submit(Browser browser, By button) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(button).click();
        // the old page is gone once asking about its root fails: "stale", or Chromium's "does not belong to the document"
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    private static List<String> linksFor(String address) {
        return TestMail.inboxOf(address).stream().map(TestMail::parse)
                .filter(m -> TestMail.subjectOf(m).startsWith("Tautan masuk"))
                .map(TestMail::textOf).map(LINK::matcher).filter(Matcher::find).map(Matcher::group).toList();
    }

    /** The session id the browser's cookie carries (Spring Session writes it base64). */
    private static String sessionIdOf(Browser browser) {
        return new String(java.util.Base64.getDecoder().decode(
                browser.driver().manage().getCookieNamed("CSIRT_SESSION").getValue()), StandardCharsets.US_ASCII);
    }

    /** A request with this browser's cookies (its session), made outside the browser. */
    private static HttpResponse<byte[]> asTheBrowser(Browser browser, String method, String url) throws Exception {
        return asTheBrowser(browser, method, url, null);
    }

    /** With a form body, as the browser's own form would post it. */
    private static HttpResponse<byte[]> asTheBrowser(Browser browser, String method, String url, String form)
            throws Exception {
        StringBuilder cookies = new StringBuilder();
        for (Cookie c : browser.driver().manage().getCookies()) {
            cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies.toString())
                .timeout(Duration.ofSeconds(30));
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] hostileReport(String from, String messageId, String canary) {
        String html = "<html><head><style>@import url(" + canary + "/gaya.css);</style></head><body>"
                + "<p>Situs kami diretas.</p><script>alert(1)</script>"
                + "<p>Penyerang dari 45.13.227.9, shell di <a href=\"http://evil-x.com/a.php\">http://evil-x.com/a.php</a></p>"
                + "<img src=\"" + canary + "/piksel.png\" onerror=\"alert(2)\">"
                + "<iframe src=\"" + canary + "/bingkai\"></iframe>"
                + "<a href=\"javascript:alert(3)\">klik di sini</a></body></html>";
        return ("From: " + from + "\r\nTo: csirt@trenggalekkab.go.id\r\nSubject: <script>alert('subjek')</script> Situs diretas\r\n"
                + "Message-ID: " + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n"
                + "--b\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=\"bukti\\\"><img src=x onerror=alert(4)>.html\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("<script>alert(5)</script>".getBytes(StandardCharsets.UTF_8))
                + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
