package id.go.trenggalekkab.csirt.signin;

import id.go.trenggalekkab.csirt.directory.Directory;
import id.go.trenggalekkab.csirt.directory.Person;
import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
import id.go.trenggalekkab.csirt.outbound.Letter;
import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.Mailer;
import id.go.trenggalekkab.csirt.sop.MessageKind;
import id.go.trenggalekkab.csirt.system.Sha256;
import id.go.trenggalekkab.csirt.system.Wib;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in without passwords: a person of the directory asks with their address, the desk
 * mails a one-time link, valid {@link #VALID} minutes, usable once, and only in the browser
 * that asked (a cookie set when asking, whose hash is kept with the token's). Nothing
 * says whether an address is in the directory: the answer is the same. Requests are
 * limited per address and per client, counted in the database so that every instance
 * counts the same. The link is built from the configured base URL, never from the
 * request's Host header.
 */
@Component
public class SignInLinks {

    static final Duration VALID = Duration.ofMinutes(15);
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ADDRESS = 3;
    static final int PER_CLIENT = 10;

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,255}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What became of a request for a link. */
    public enum Requested { SENT_IF_KNOWN, NOT_AN_ADDRESS, TOO_MANY }

    /** Why a link did not sign anyone in. */
    public enum Refusal { UNKNOWN, USED, EXPIRED, OTHER_BROWSER, NO_LONGER_IN_DIRECTORY }

    /** A link's outcome: the person signed in, or why not. */
    public record Outcome(Optional<Person> person, Refusal refusal) {}

    /** The mail with the link. */
    record SignInLinkMail(String name, String link, String validUntil, String deskName) implements MailModel {
        @Override
        public String template() {
            return "sign-in-link";
        }
    }

    private final SignInRepository repository;
    private final Directory directory;
    private final Mailer mailer;
    private final Logbook logbook;
    private final Clock clock;
    private final String configuredBaseUrl;
    private final Environment environment;
    private final String deskName;

    SignInLinks(SignInRepository repository, Directory directory, Mailer mailer, Logbook logbook, Clock clock,
                Environment environment, @Value("${csirt.web.base-url:}") String baseUrl,
                @Value("${csirt.desk-name}") String deskName) {
        this.repository = repository;
        this.directory = directory;
        this.mailer = mailer;
        this.logbook = logbook;
        this.clock = clock;
        this.configuredBaseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.environment = environment;
        this.deskName = deskName;
    }

    /** A fresh random value for the browser cookie a link is bound to. */
    public static String newBrowserSecret() {
        return random();
    }

    @Transactional
    public Requested request(String typed, String client, String browserSecret) {
        String address = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(address).matches()) {
            return Requested.NOT_AN_ADDRESS;
        }
        Instant now = clock.instant();
        if (repository.requestsFromClientSince(client, now.minus(WINDOW)) >= PER_CLIENT
                || repository.requestsForAddressSince(address, now.minus(WINDOW)) >= PER_ADDRESS) {
            repository.recordUnanswered(address, client, now);
            return Requested.TOO_MANY;
        }
        // the CSIRTs upward only receive the report: no link, as for an address the desk does not know
        Optional<Person> person = directory.find(address).filter(Person::actsOnCases);
        if (person.isEmpty()) {
            repository.recordUnanswered(address, client, now);
            return Requested.SENT_IF_KNOWN;
        }
        String token = random();
        Instant expires = now.plus(VALID);
        repository.recordSent(address, client, now, hash(token), hash(browserSecret), expires);
        mailer.queue(Letter.of(MessageKind.SIGN_IN_LINK, new SignInLinkMail(person.get().name(),
                baseUrl() + "/masuk/tautan?token=" + token, Wib.human(expires), deskName),
                // the directory's address, not the text typed into the form
                person.get().address(), person.get().name()));
        return Requested.SENT_IF_KNOWN;
    }

    /** Uses a link: the person it was for, once, before it expires, in the browser that asked. */
    @Transactional
    public Outcome use(String token, String browserSecret, String client) {
        Optional<SignInRepository.Link> found = token == null || token.isBlank()
                ? Optional.empty() : repository.lockLink(hash(token.strip()));
        if (found.isEmpty()) {
            return new Outcome(Optional.empty(), Refusal.UNKNOWN);
        }
        SignInRepository.Link link = found.get();
        Instant now = clock.instant();
        Refusal refusal = link.usedAt() != null ? Refusal.USED
                : now.isAfter(link.expiresAt()) ? Refusal.EXPIRED
                : browserSecret == null || !hash(browserSecret).equals(link.browserSha256()) ? Refusal.OTHER_BROWSER
                : null;
        Optional<Person> person = refusal == null ? directory.find(link.address()).filter(Person::actsOnCases)
                : Optional.empty();
        if (refusal == null && person.isEmpty()) {
            refusal = Refusal.NO_LONGER_IN_DIRECTORY;
        }
        if (refusal != null) {
            logbook.record(null, link.address(), LogbookEvent.SIGN_IN_REFUSED, refusal.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ", from " + client);
            return new Outcome(Optional.empty(), refusal);
        }
        repository.markUsed(link.id(), now);
        logbook.record(null, link.address(), LogbookEvent.SIGNED_IN, "web, from " + client);
        return new Outcome(person, null);
    }

    /** Where people reach the web view: configured, else this desk's own port on 127.0.0.1 (known once it listens). */
    public String baseUrl() {
        if (!configuredBaseUrl.isBlank()) {
            return configuredBaseUrl;
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String secret) {
        return Sha256.hex(secret.getBytes(StandardCharsets.UTF_8));
    }
}
