package id.go.trenggalekkab.csirt.intake.automatic;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.RawMessage;
import id.go.trenggalekkab.csirt.system.CsirtProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every RFC 3834 / ticket-system rule for mail that must not be answered, one at a time. */
class AutomaticMailChecksTest {

    private static final CsirtProperties PROPERTIES = new CsirtProperties(
            "csirt@trenggalekkab.go.id", "TTIS", null, null, null);

    private final MailParser parser = new MailParser();
    private final AutomaticMailDetector detector = new AutomaticMailDetector(List.of(
            new OwnLoopCheck(), new OwnAddressCheck(PROPERTIES), new DeliveryReportCheck(), new AutoSubmittedCheck(),
            new PrecedenceCheck(), new MailingListCheck(), new AutoReplyHeadersCheck(), new EmptyReturnPathCheck(),
            new RobotSenderCheck()), new OwnMailBounce(PROPERTIES));

    private Optional<String> reason(String from, String extraHeaders, String contentType) {
        String text = "From: " + from + "\r\nSubject: Re: laporan\r\nMessage-ID: <m@example.org>\r\n"
                + extraHeaders + "Content-Type: " + contentType + "\r\n\r\nbody\r\n";
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        return detector.reason(new InboundMail(RawMessage.of(raw), parser.parse(raw), Instant.now(), null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Auto-Submitted: auto-replied             | Auto-Submitted: auto-replied",
        "Auto-Submitted: auto-generated; owner=x  | Auto-Submitted: auto-generated",
        "Precedence: bulk                         | Precedence: bulk",
        "Precedence: junk                         | Precedence: junk",
        "Precedence: list                         | Precedence: list",
        "List-Id: <announce.example.org>          | List-Id",
        "List-Unsubscribe: <mailto:u@example.org> | List-Unsubscribe",
        "X-Auto-Response-Suppress: OOF            | X-Auto-Response-Suppress",
        "X-Autoreply: yes                         | X-Autoreply",
        "Return-Path: <>                          | empty Return-Path",
        "X-Failed-Recipients: a@example.org       | X-Failed-Recipients",
        "X-TTIS-Loop: csirt@trenggalekkab.go.id   | X-TTIS-Loop"
    })
    void headerRules(String header, String expectedReason) {
        assertThat(reason("person@example.org", header + "\r\n", "text/plain")).hasValueSatisfying(
                r -> assertThat(r).contains(expectedReason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAILER-DAEMON@mx.example.org", "postmaster@example.org", "no-reply@example.org",
        "noreply@example.org", "do-not-reply@example.org", "bounces+abc@example.org"})
    void machineSenders(String from) {
        assertThat(reason(from, "", "text/plain")).hasValueSatisfying(r -> assertThat(r).contains("machine sender"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csirt@trenggalekkab.go.id", "CSIRT@Trenggalekkab.go.id"})
    void theDesksOwnAddress(String from) {
        assertThat(reason(from, "", "text/plain")).hasValueSatisfying(r -> assertThat(r).contains("own address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/report; report-type=delivery-status; boundary=x",
        "multipart/report; report-type=disposition-notification; boundary=x"})
    void reports(String contentType) {
        assertThat(reason("person@example.org", "", contentType)).hasValueSatisfying(
                r -> assertThat(r).contains("multipart/report"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Auto-Submitted: no\r\n", "Precedence: first-class\r\n",
        "Return-Path: <person@example.org>\r\n"})
    void aPersonsMailIsNotAutomatic(String header) {
        assertThat(reason("person@example.org", header, "text/plain")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-TTIS-Loop", "x-ttis-loop"})
    void theLoopHeaderIsFoundEvenInsideAForwardedMessage(String name) {
        String quoted = "From: person@example.org\r\nSubject: Fwd\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n"
                + "--q\r\nContent-Type: text/plain\r\n\r\nsee below\r\n--q\r\nContent-Type: message/rfc822\r\n\r\n"
                + name + ": csirt@trenggalekkab.go.id\r\nSubject: [TTIS-2026-00001] Laporan diterima\r\n\r\nack\r\n--q--\r\n";
        byte[] raw = quoted.getBytes(StandardCharsets.UTF_8);
        assertThat(detector.reason(new InboundMail(RawMessage.of(raw), parser.parse(raw), Instant.now(), null))).isPresent();
    }

    @Test
    void theLoopHeaderInTheHeadersADeliveryReportReturnsIsTheDesksOwnMail() {
        String dsn = "From: MAILER-DAEMON@mx.example.org\r\nSubject: Undelivered\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nnot delivered\r\n"
                + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: csirt@trenggalekkab.go.id\r\n"
                + "X-TTIS-Loop: csirt@trenggalekkab.go.id\r\nSubject: [TTIS-2026-00001]\r\n\r\n--b--\r\n";
        byte[] raw = dsn.getBytes(StandardCharsets.UTF_8);
        assertThat(new OwnLoopCheck().reason(new InboundMail(RawMessage.of(raw), parser.parse(raw), Instant.now(), null)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("returns a message"));
    }

    @Test
    void aReportThatWritesTheLoopHeaderInItsTextIsStillAPersonsReport() {
        // the attack: a report made "automatic" would never be answered and run on no clock
        String report = "From: person@example.org\r\nSubject: laporan\r\nContent-Type: text/plain\r\n\r\n"
                + "X-TTIS-Loop: csirt@trenggalekkab.go.id\r\nSitus kami diretas.\r\n";
        byte[] raw = report.getBytes(StandardCharsets.UTF_8);
        assertThat(detector.reason(new InboundMail(RawMessage.of(raw), parser.parse(raw), Instant.now(), null))).isEmpty();
        // nor does a forwarded message that only mentions it below its own header block
        String forward = "From: person@example.org\r\nSubject: Fwd\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n"
                + "--q\r\nContent-Type: text/plain\r\n\r\nlihat\r\n--q\r\nContent-Type: message/rfc822\r\n\r\n"
                + "From: other@example.org\r\nSubject: hi\r\n\r\nX-TTIS-Loop: csirt@trenggalekkab.go.id\r\n--q--\r\n";
        byte[] forwarded = forward.getBytes(StandardCharsets.UTF_8);
        assertThat(detector.reason(new InboundMail(RawMessage.of(forwarded), parser.parse(forwarded), Instant.now(), null)))
                .isEmpty();
    }
}
