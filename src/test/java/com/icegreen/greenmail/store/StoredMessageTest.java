package com.icegreen.greenmail.store;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The embedded GreenMail's stored message works out its IMAP attributes when first asked,
 * and then gives what GreenMail's own class gives when it stores the message: checked on a
 * report with an attachment and a nested message. And the adapted class is the one in use,
 * adapted from the GreenMail version the desk runs.
 */
class StoredMessageTest {

    private static final String REPORT = """
            From: Pelapor <pelapor@example.org>
            To: csirt@trenggalekkab.go.id
            Subject: =?UTF-8?B?U2l0dXMgZGlyZXRhcyDigJQgbW9ob24gYmFudHU=?=
            Date: Thu, 3 Dec 2026 23:15:00 +0700
            Message-ID: <laporan-1@example.org>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="batas"

            --batas
            Content-Type: text/plain; charset=UTF-8

            Situs kami diretas.
            Mohon bantuan.
            --batas
            Content-Type: application/pdf; name="bukti.pdf"
            Content-Disposition: attachment; filename="bukti.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcTl8uXrp/Og0MTGCg==
            --batas
            Content-Type: message/rfc822

            From: penyerang@example.net
            Subject: diteruskan

            isi pesan yang diteruskan
            --batas--
            """.replace("\n", "\r\n");

    @Test
    void attributesAreWorkedOutWhenFirstAskedAndAreGreenMailsOwn() throws Exception {
        MimeMessage delivered = parse(REPORT);
        Date received = new Date(1_796_400_000_000L);
        StoredMessage stored = new StoredMessage(delivered, received, 42);
        assertThat(attributesField().get(stored)).as("attributes before any FETCH asked").isNull();

        SimpleMessageAttributes greenMails = new SimpleMessageAttributes(parse(REPORT), received);
        MailMessageAttributes asked = stored.getAttributes();
        assertThat(asked.getBodyStructure(true)).isEqualTo(greenMails.getBodyStructure(true));
        assertThat(asked.getBodyStructure(false)).isEqualTo(greenMails.getBodyStructure(false));
        assertThat(asked.getEnvelope()).isEqualTo(greenMails.getEnvelope());
        assertThat(asked.getSize()).isEqualTo(greenMails.getSize());
        assertThat(asked.getReceivedDateAsString()).isEqualTo(greenMails.getReceivedDateAsString());
        assertThat(stored.getAttributes()).as("kept once worked out").isSameAs(asked);
    }

    @Test
    void theAdaptedClassIsInUseAndAdaptedFromTheGreenMailThatRuns() throws Exception {
        assertThat(StoredMessage.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .as("where StoredMessage is loaded from").doesNotContain("greenmail-");
        Properties greenMail = new Properties();
        try (InputStream pom = com.icegreen.greenmail.util.GreenMail.class
                .getResourceAsStream("/META-INF/maven/com.icegreen/greenmail/pom.properties")) {
            greenMail.load(pom);
        }
        assertThat(greenMail.getProperty("version")).as("the GreenMail StoredMessage was copied from").isEqualTo("2.1.7");
    }

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static Field attributesField() throws NoSuchFieldException {
        Field field = StoredMessage.class.getDeclaredField("attributes");
        field.setAccessible(true);
        return field;
    }
}
