package id.go.trenggalekkab.csirt.intake;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import id.go.trenggalekkab.csirt.support.TestMail;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evidence is stored byte for byte and uncompressed (V27): PostgreSQL no longer spends a
 * flood's CPU trying to compress mail that mostly carries compressed attachments as
 * base64. The report here is the kind pglz would have compressed (a long repeated log
 * excerpt, a text attachment), so it shows the columns' storage, not the luck of the data.
 */
class EvidenceStoredAsReceivedTest extends DeskIntegrationTest {

    @Test
    void aReportsRawBytesAndAttachmentsAreStoredAsTheyCameWithoutCompression() {
        String reporter = uniqueAddress("pengelola-web");
        String logLines = "Dec 03 02:14:07 web01 sshd[811]: Failed password for root from 203.0.113.9 port 52144\n"
                .repeat(200);
        String messageId = TestMail.newMessageId();
        byte[] raw = ("""
                From: Pengelola Web <%s>
                To: csirt@trenggalekkab.go.id
                Subject: Percobaan login berulang ke web01
                Message-ID: %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain; charset=UTF-8

                Potongan log terlampir.
                %s
                --b
                Content-Type: text/plain; name=auth.log
                Content-Disposition: attachment; filename=auth.log
                Content-Transfer-Encoding: base64

                %s
                --b--
                """.formatted(reporter, messageId, logLines,
                Base64.getMimeEncoder().encodeToString(logLines.getBytes(StandardCharsets.US_ASCII))))
                .replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);

        takeIn(raw);

        Map<String, Object> message = jdbc.queryForMap("""
                SELECT raw, pg_column_compression(raw) AS compression FROM message
                 WHERE message_id = ? AND direction = 'IN'
                """, messageId);
        assertThat((byte[]) message.get("raw")).isEqualTo(raw);
        assertThat(message.get("compression")).as("raw message compression").isNull();
        Map<String, Object> attachment = jdbc.queryForMap("""
                SELECT a.content, pg_column_compression(a.content) AS compression
                  FROM attachment a JOIN message m ON m.id = a.message_id
                 WHERE m.message_id = ? AND a.filename = 'auth.log'
                """, messageId);
        assertThat(new String((byte[]) attachment.get("content"), StandardCharsets.US_ASCII)).isEqualTo(logLines);
        assertThat(attachment.get("compression")).as("attachment compression").isNull();
    }
}
