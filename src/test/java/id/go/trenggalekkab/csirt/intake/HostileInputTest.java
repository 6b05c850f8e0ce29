package id.go.trenggalekkab.csirt.intake;

import static id.go.trenggalekkab.csirt.support.TestMail.deliver;
import static id.go.trenggalekkab.csirt.support.TestMail.inboxOf;
import static id.go.trenggalekkab.csirt.support.TestMail.newMessageId;
import static id.go.trenggalekkab.csirt.support.TestMail.parse;
import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.system.Sha256;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Hostile mail through the real mailbox: each becomes a ticket (or is quarantined), and the desk stays healthy. */
class HostileInputTest extends DeskIntegrationTest {

    @Test
    void encodedLineBreaksInSubjectAndNameNeverBecomeHeadersOfTheAcknowledgement() throws Exception {
        String reporter = uniqueAddress("suntik");
        String victim = uniqueAddress("korban");
        String id = newMessageId();
        String raw = "From: =?UTF-8?Q?Budi=0D=0ABcc:_" + victim.replace("@", "=40") + "?= <" + reporter + ">\r\n"
                + "To: csirt@trenggalekkab.go.id\r\n"
                + "Subject: =?UTF-8?Q?Laporan=0D=0ABcc:_" + victim.replace("@", "=40") + "=0D=0AX-Injected:_yes?=\r\n"
                + "Message-ID: " + id + "\r\nContent-Type: text/plain\r\n\r\nisi\r\n";
        deliver(reporter, raw.getBytes(StandardCharsets.US_ASCII));
        awaitTicketOf(id);
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        MimeMessage ack = parse(inboxOf(reporter).get(0));
        assertThat(ack.getHeader("Bcc")).isNull();
        assertThat(ack.getHeader("X-Injected")).isNull();
        assertThat(ack.getAllRecipients()).hasSize(1);
        awaitQuiet();
        assertThat(inboxOf(victim)).isEmpty();
    }

    @Test
    void aZipBombIsStoredAsSentAndNeverUnpacked() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("nol.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        byte[] bomb = zip.toByteArray();
        String id = deliverWithAttachment("bom", "application/zip", "bukti.zip", bomb);
        awaitTicketOf(id);
        assertThat(jdbc.queryForList("SELECT a.size || ' ' || a.sha256 FROM attachment a JOIN message m ON m.id = a.message_id"
                + " WHERE m.message_id = ?", String.class, id)).containsExactly(bomb.length + " " + Sha256.hex(bomb));
        assertThat(bomb.length).isLessThan(1 << 20);
    }

    @Test
    void traversalAndControlCharactersInFilenamesAreStoredHarmless() {
        String id = deliverWithAttachment("jalur", "application/octet-stream", "../../etc/pass\u0007wd", "root:x".getBytes());
        awaitTicketOf(id);
        assertThat(jdbc.queryForList("SELECT a.filename FROM attachment a JOIN message m ON m.id = a.message_id"
                + " WHERE m.message_id = ?", String.class, id)).containsExactly("passwd");
    }

    @Test
    void brokenDeepAndOddMailStillBecomesATicketAndTheDeskStaysHealthy() {
        StringBuilder deep = new StringBuilder("Content-Type: multipart/mixed; boundary=b0\r\n\r\n");
        for (int i = 0; i < 100; i++) {
            deep.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=b").append(i + 1).append("\r\n\r\n");
        }
        deep.append("--b100\r\nContent-Type: text/plain\r\n\r\nterdalam\r\n");
        String[] bodies = {
            deep.toString(),
            "Content-Type: text/plain; charset=x-unknown-42\r\n\r\nteks dengan charset tak dikenal\r\n",
            "Content-Type: text/html\r\n\r\n<script>alert(1)</script><img src=\"http://tracker.example/x.gif\"><p>halo</p>\r\n",
            "Subject: kedua\r\nFrom: orang-lain@example.org\r\nthis line has no colon\r\nContent-Type: text/plain\r\n\r\nheader rusak\r\n"
        };
        for (String body : bodies) {
            String reporter = uniqueAddress("aneh");
            String id = newMessageId();
            deliver(reporter, ("From: " + reporter + "\r\nTo: csirt@trenggalekkab.go.id\r\nSubject: aneh\r\nMessage-ID: " + id
                    + "\r\n" + body).getBytes(StandardCharsets.UTF_8));
            awaitTicketOf(id);
        }
        assertThat(jdbc.queryForList("SELECT body_text FROM message WHERE body_text LIKE '%halo%' AND body_text NOT LIKE '%alert%'"
                + " AND body_text NOT LIKE '%tracker%'", String.class)).isNotEmpty();
        await().atMost(PATIENCE).until(() -> "UP".equals(
                http.getForObject("/actuator/health", JsonNode.class).path("status").asText()));
    }

    @Test
    void aHundredMegabyteMessageIsKeptWholeAndTheDeskStaysHealthy() throws Exception {
        String reporter = uniqueAddress("raksasa");
        String id = newMessageId();
        byte[] image = new byte[73 << 20];
        new java.util.Random(100).nextBytes(image);
        String longText = "Log server yang diretas. ".repeat((2 << 20) / 25);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(("From: " + reporter + "\r\nTo: csirt@trenggalekkab.go.id\r\nSubject: citra disk\r\nMessage-ID: " + id
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + longText + "\r\n--z\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=disk.img\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes(Base64.getMimeEncoder().encode(image));
        raw.writeBytes("\r\n--z--\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(raw.size()).isGreaterThan(100_000_000);

        assertThat(TestMail.putInDeskInbox(java.util.List.of(raw.toByteArray()))).isEmpty();
        String ticket = awaitTicketOf(id);

        assertThat(jdbc.queryForObject("SELECT raw_size FROM message WHERE message_id = ?", Long.class, id))
                .isEqualTo(raw.size());
        assertThat(jdbc.queryForObject("SELECT encode(sha256(raw), 'hex') FROM message WHERE message_id = ?", String.class, id))
                .isEqualTo(Sha256.hex(raw.toByteArray()));
        assertThat(jdbc.queryForList("""
                SELECT coalesce(a.filename, '(none)') || ' ' || a.size || ' ' || encode(sha256(a.content), 'hex')
                  FROM attachment a JOIN message m ON m.id = a.message_id WHERE m.message_id = ? ORDER BY a.part_path
                """, String.class, id)).containsExactly(
                        "(none) " + longText.length() + " " + Sha256.hex(longText.getBytes(StandardCharsets.UTF_8)),
                        "disk.img " + image.length + " " + Sha256.hex(image));
        String body = jdbc.queryForObject("SELECT body_text FROM message WHERE message_id = ?", String.class, id);
        assertThat(body).startsWith("Log server yang diretas.").hasSizeLessThanOrEqualTo(MailParser.MAX_TEXT_BYTES);
        assertThat(jdbc.queryForObject("SELECT parse_warnings FROM message WHERE message_id = ?", String.class, id))
                .contains("the body text is cut there and the whole part kept as an attachment");
        await().atMost(PATIENCE).until(() -> inboxOf(reporter).size() == 1);
        assertThat(parse(inboxOf(reporter).get(0)).getSubject()).contains(ticket);
        long rowId = jdbc.queryForObject("SELECT id FROM message WHERE message_id = ?", Long.class, id);
        byte[] downloaded = http.getForObject("/api/tickets/" + ticket + "/messages/" + rowId + "/raw", byte[].class);
        assertThat(Sha256.hex(downloaded)).isEqualTo(Sha256.hex(raw.toByteArray()));
        assertThat(http.getForObject("/actuator/health", JsonNode.class).path("status").asText()).isEqualTo("UP");
    }

    private String deliverWithAttachment(String prefix, String type, String filename, byte[] content) {
        String reporter = uniqueAddress(prefix);
        String id = newMessageId();
        String raw = "From: " + reporter + "\r\nTo: csirt@trenggalekkab.go.id\r\nSubject: lampiran\r\nMessage-ID: " + id
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\n"
                + "lihat lampiran\r\n--z\r\nContent-Type: " + type + "\r\nContent-Disposition: attachment; filename=\""
                + filename + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(content)
                + "\r\n--z--\r\n";
        deliver(reporter, raw.getBytes(StandardCharsets.UTF_8));
        return id;
    }
}
