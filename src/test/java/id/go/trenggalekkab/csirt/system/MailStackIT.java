package id.go.trenggalekkab.csirt.system;

import static id.go.trenggalekkab.csirt.support.PackagedDesk.freePort;
import static id.go.trenggalekkab.csirt.support.PackagedDesk.mailToTheDesk;
import static id.go.trenggalekkab.csirt.support.PackagedDesk.sendPlain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.go.trenggalekkab.csirt.support.PackagedDesk;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk deployed against Debian's own mail stack, as {@code deploy/mail-stack/} sets it
 * up (run-on-loopback.sh starts it with exactly those milter settings): Postfix receiving
 * for the desk's domain, OpenDKIM signing on submission and verifying on the MX after
 * signing, OpenDMARC, Dovecot serving the desk's mailbox over IMAPS with a certificate from
 * a private CA that the desk trusts through {@code CSIRT_MAIL_TRUST_CERTIFICATE} alone.
 *
 * <p>An officer's command signed by the domain's key is obeyed. The same command unsigned,
 * with a signature broken by a changed body, or with an {@code Authentication-Results}
 * forged by the sender in the MX's own name is not: each is refused and reported to the
 * officers, the case does not move, and the forged field never reaches the desk. A stranger
 * cannot get a mail signed: submission without a login is refused.
 *
 * <p>Needs root and the packages postfix, opendkim, opendkim-tools, opendmarc,
 * dovecot-imapd (and openssl), which {@code .ci/run} installs; skipped where they are absent.
 */
class MailStackIT {

    private static final String DOMAIN = "trenggalekkab.go.id";
    private static final String DESK = "csirt@" + DOMAIN;
    private static final String OFFICER = "petugas@" + DOMAIN;
    private static final String SINK = "sink@" + DOMAIN;
    private static final Pattern TICKET = Pattern.compile("\\[(TTIS-\\d{4}-\\d{5,})\\]");

    @TempDir
    Path work;

    private Path stack;
    private Session mail;
    private int mx;
    private int submission;
    private int imaps;

    @Test
    void onlyAnOfficersMailSignedByTheDomainCommandsTheDesk() throws Exception {
        for (String program : List.of("/usr/sbin/postfix", "/usr/sbin/opendkim", "/usr/sbin/opendkim-genkey",
                "/usr/sbin/opendmarc", "/usr/sbin/dovecot", "/usr/bin/openssl")) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of(program)),
                    program + " is missing: install postfix, opendkim, opendkim-tools, opendmarc, dovecot-imapd (.ci/run does)");
        }
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "the mail stack is started as root");
        startStack();
        mail = trustingTheStack();

        Map<String, String> env = new LinkedHashMap<>();
        env.put("CSIRT_IMAP_URL", "imaps://127.0.0.1:" + imaps);
        env.put("CSIRT_IMAP_USER", DESK);
        env.put("CSIRT_IMAP_PASSWORD", DESK);
        env.put("CSIRT_IMAP_POLL_DELAY_MS", "500");
        env.put("CSIRT_SMTP_HOST", "127.0.0.1");
        env.put("CSIRT_SMTP_PORT", Integer.toString(submission));
        env.put("CSIRT_SMTP_STARTTLS", "true");
        env.put("CSIRT_SMTP_USER", DESK);
        env.put("CSIRT_SMTP_PASSWORD", DESK);
        env.put("CSIRT_AUTHSERV_ID", "mx." + DOMAIN);
        env.put("CSIRT_MAIL_TRUST_CERTIFICATE", stack.resolve("tls/ca.pem").toString());
        try (PackagedDesk desk = PackagedDesk.start(work.resolve("desk"), env)) {
            // UP includes the IMAP check: the private certificate is trusted over imaps
            desk.awaitUp();

            // a report from the world, through the MX; its acknowledgement leaves by submission (STARTTLS)
            sendPlain(mail, mx, mailToTheDesk(mail, "pelapor@desa.example", "Situs desa diretas", "Halaman depan berisi tulisan peretas."));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> sinkSubjects().stream().anyMatch(s -> s.contains("Laporan diterima")));
            Matcher tag = TICKET.matcher(String.join("\n", sinkSubjects()));
            assertThat(tag.find()).isTrue();
            String ticket = tag.group(1);

            // the officer submits, logged in: OpenDKIM signs, the MX verifies after signing
            submitAsOfficer(mailToTheDesk(mail, OFFICER, "Re: [" + ticket + "] #verifikasi", "Benar insiden."));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> sinkSubjects().stream().anyMatch(s -> s.contains("Perintah diterapkan")));
            assertThat(desk.get("/api/tickets/" + ticket)).contains("\"status\":\"CATEGORISATION\"");

            // a stranger cannot have a mail signed by the submission service
            assertThatThrownBy(() -> {
                try (Transport smtp = startTls()) {
                    MimeMessage forged = mailToTheDesk(mail, OFFICER, "Re: [" + ticket + "] #kategori defacement", "x");
                    smtp.sendMessage(forged, forged.getAllRecipients());
                }
            }).isInstanceOf(MessagingException.class);

            // the same command, unsigned, straight to the MX
            sendPlain(mail, mx, mailToTheDesk(mail, OFFICER, "Re: [" + ticket + "] #kategori defacement", "Tanpa tanda tangan."));
            // signed by the domain (captured from the sink), its body changed afterwards
            try (Transport smtp = mail.getTransport("smtp")) {
                smtp.connect("127.0.0.1", mx, null, null);
                smtp.sendMessage(brokenSignature(ticket), new InternetAddress[] {new InternetAddress(DESK)});
            }
            // unsigned, with an Authentication-Results in the MX's name written by the sender
            MimeMessage forgedResults = mailToTheDesk(mail, OFFICER, "Re: [" + ticket + "] #kategori phishing", "Dipalsukan.");
            forgedResults.addHeader("Authentication-Results", "mx." + DOMAIN + "; dmarc=pass header.from=" + DOMAIN);
            forgedResults.saveChanges();
            sendPlain(mail, mx, forgedResults);

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> securityEvents(desk.get("/api/tickets/" + ticket)) >= 3);
            String view = desk.get("/api/tickets/" + ticket);
            assertThat(securityEvents(view)).as("one security event per refused command").isEqualTo(3);
            assertThat(view).contains("\"status\":\"CATEGORISATION\"").contains("\"category\":null");
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> sinkSubjects().stream().anyMatch(s -> s.contains("perintah tanpa autentikasi ditolak")));
            String stored = rawInDesksMailbox("Re: [" + ticket + "] #kategori phishing");
            assertThat(stored).as("the forged field was removed by OpenDKIM (RemoveARAll)").doesNotContain("dmarc=pass");
            assertThat(stored).contains("Authentication-Results: mx." + DOMAIN);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- Postfix log (tail) ---\n" + tail(stack.resolve("postfix/maillog"))
                    + "\n--- desk log (tail) ---\n" + tail(work.resolve("desk/desk.log")), e);
        }
    }

    private void startStack() throws Exception {
        // the daemons run as their own users: they must be able to reach their files
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        stack = work.resolve("stack");
        mx = freePort();
        submission = freePort();
        imaps = freePort();
        List<String> command = new ArrayList<>(List.of("bash", Path.of("deploy/mail-stack/run-on-loopback.sh").toAbsolutePath().toString(),
                "start", stack.toString()));
        for (int port : new int[] {mx, submission, imaps, freePort(), freePort(), freePort()}) {
            command.add(Integer.toString(port));
        }
        Process start = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("stack-start.log").toFile()).start();
        assertThat(start.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(start.exitValue()).as("the mail stack started (see " + work.resolve("stack-start.log") + ", "
                + stack.resolve("stack.log") + ")").isZero();
    }

    @AfterEach
    void stopStack() throws Exception {
        if (stack != null) {
            new ProcessBuilder("bash", Path.of("deploy/mail-stack/run-on-loopback.sh").toAbsolutePath().toString(), "stop",
                    stack.toString()).inheritIO().start().waitFor(2, TimeUnit.MINUTES);
        }
    }

    /** The test's own client trusts the stack's private CA, as the desk is told to. */
    private Session trustingTheStack() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(stack.resolve("tls/ca.pem"))) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(pem);
            trusted.setCertificateEntry("stack-ca", ca);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        Properties properties = new Properties();
        properties.put("mail.smtp.ssl.socketFactory", tls.getSocketFactory());
        properties.put("mail.imaps.ssl.socketFactory", tls.getSocketFactory());
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.starttls.required", "true");
        return Session.getInstance(properties);
    }

    private Transport startTls() throws MessagingException {
        Transport smtp = mail.getTransport("smtp");
        smtp.connect("127.0.0.1", submission, null, null);
        return smtp;
    }

    private void submitAsOfficer(MimeMessage message) throws MessagingException {
        try (Transport smtp = mail.getTransport("smtp")) {
            smtp.connect("127.0.0.1", submission, OFFICER, OFFICER);
            smtp.sendMessage(message, message.getAllRecipients());
        }
    }

    /**
     * A mail the submission service really signed for the officer (sent to the sink, read
     * back), its body changed: what an attacker who captured a signed mail would try.
     */
    private MimeMessage brokenSignature(String ticket) throws Exception {
        String subject = "Re: [" + ticket + "] #kategori defacement";
        MimeMessage original = mailToTheDesk(mail, OFFICER, subject, "Ditandatangani.");
        original.setRecipients(Message.RecipientType.TO, SINK);
        original.saveChanges();
        submitAsOfficer(original);
        String signed = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> raw(SINK, "INBOX", subject), r -> r != null);
        // as it left the submission service: from its signature down, the MX's own fields dropped
        String fromSignature = signed.substring(signed.indexOf("DKIM-Signature:"));
        String altered = fromSignature.replace("Ditandatangani.", "Diubah setelah ditandatangani.");
        assertThat(altered).isNotEqualTo(fromSignature);
        return new MimeMessage(mail, new ByteArrayInputStream(altered.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> sinkSubjects() {
        List<String> subjects = new ArrayList<>();
        withFolder(SINK, "INBOX", folder -> {
            for (Message m : folder.getMessages()) {
                subjects.add(m.getSubject());
            }
        });
        return subjects;
    }

    private static int securityEvents(String ticketView) {
        return ticketView.split("\"event\":\"SECURITY_EVENT\"", -1).length - 1;
    }

    /** The raw message of that subject as the desk's mailbox holds it, in any of its folders. */
    private String rawInDesksMailbox(String subject) {
        for (String folder : List.of("Processed", "INBOX", "Quarantine")) {
            String raw = raw(DESK, folder, subject);
            if (raw != null) {
                return raw;
            }
        }
        throw new AssertionError("no mail \"" + subject + "\" in the desk's mailbox");
    }

    private String raw(String user, String folderName, String subject) {
        List<String> found = new ArrayList<>();
        withFolder(user, folderName, folder -> {
            for (Message m : folder.getMessages()) {
                if (subject.equals(m.getSubject())) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    m.writeTo(bytes);
                    found.add(bytes.toString(StandardCharsets.UTF_8));
                }
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }

    private interface FolderReader {
        void read(Folder folder) throws Exception;
    }

    /** Reads a Dovecot folder over IMAPS (every password here is the address); nothing while it is not there yet. */
    private void withFolder(String user, String folderName, FolderReader reader) {
        try (Store store = mail.getStore("imaps")) {
            store.connect("127.0.0.1", imaps, user, user);
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return;
            }
            folder.open(Folder.READ_ONLY);
            try {
                reader.read(folder);
            } finally {
                folder.close(false);
            }
        } catch (Exception notYet) {
            // the mailbox is made on first delivery
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }
}
