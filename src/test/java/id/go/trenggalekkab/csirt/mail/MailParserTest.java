package id.go.trenggalekkab.csirt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.system.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MailParserTest {

    private final MailParser parser = new MailParser();

    private static byte[] mail(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesEncodedWordSubjectsAndNames() {
        ParsedMail m = parser.parse(mail("""
                From: =?UTF-8?B?QnVkaSBTYW50b3NvIOKAkyBEaXNrb21pbmZv?= <Budi@Example.ORG>
                Subject: =?UTF-8?Q?Situs_diretas:_=E2=80=9Cjudi_online=E2=80=9D?=
                Message-ID: <a1@example.org>

                isi
                """));
        assertThat(m.fromName()).isEqualTo("Budi Santoso – Diskominfo");
        assertThat(m.fromAddress()).isEqualTo("budi@example.org");
        assertThat(m.subject()).isEqualTo("Situs diretas: “judi online”");
        assertThat(m.messageId()).isEqualTo("<a1@example.org>");
    }

    @Test
    void readsLegacyCharsets() {
        byte[] jis = "件名と本文".getBytes(Charset.forName("ISO-2022-JP"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mail("""
                From: a@example.jp
                Subject: =?ISO-2022-JP?B?%s?=
                Content-Type: text/plain; charset=ISO-2022-JP

                """.formatted(Base64.getEncoder().encodeToString("件名".getBytes(Charset.forName("ISO-2022-JP"))))));
        out.writeBytes(jis);
        ParsedMail japanese = parser.parse(out.toByteArray());
        assertThat(japanese.subject()).isEqualTo("件名");
        assertThat(japanese.bodyText()).isEqualTo("件名と本文");

        ByteArrayOutputStream latin = new ByteArrayOutputStream();
        latin.writeBytes(mail("From: b@example.de\nContent-Type: text/plain; charset=iso-8859-1\n\n"));
        latin.writeBytes("Grüße \u20ac 5".getBytes(Charset.forName("windows-1252")));
        // labelled iso-8859-1 but written by a Windows client: the euro sign must survive
        assertThat(parser.parse(latin.toByteArray()).bodyText()).isEqualTo("Grüße € 5");

        ByteArrayOutputStream gbk = new ByteArrayOutputStream();
        gbk.writeBytes(mail("From: c@example.cn\nContent-Type: text/plain; charset=gb2312\n\n"));
        gbk.writeBytes("网站被篡改 镕".getBytes(Charset.forName("GBK")));
        assertThat(parser.parse(gbk.toByteArray()).bodyText()).isEqualTo("网站被篡改 镕");
    }

    @Test
    void unknownCharsetIsReadAnywayWithAWarning() {
        ParsedMail m = parser.parse(mail("""
                From: d@example.org
                Content-Type: text/plain; charset=x-no-such-charset

                plain words
                """));
        assertThat(m.bodyText()).isEqualTo("plain words");
        assertThat(m.warnings()).anyMatch(w -> w.contains("x-no-such-charset"));
    }

    @Test
    void prefersPlainTextAndTurnsHtmlOnlyMailIntoTextWithoutRunningOrFetchingAnything() {
        ParsedMail alternative = parser.parse(mail("""
                From: e@example.org
                Content-Type: multipart/alternative; boundary=b

                --b
                Content-Type: text/plain; charset=UTF-8

                the plain version
                --b
                Content-Type: text/html; charset=UTF-8

                <p>the <b>html</b> version</p>
                --b--
                """));
        assertThat(alternative.bodyText()).isEqualTo("the plain version");
        assertThat(alternative.attachments()).isEmpty();

        ParsedMail htmlOnly = parser.parse(mail("""
                From: f@example.org
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p{color:red}</style><script>alert('x')</script></head>
                <body><p>Login di <a href="http://phish.example/login">sini</a></p>
                <img src="http://tracker.example/pixel.gif"><ul><li>satu</li><li>dua</li></ul></body></html>
                """));
        assertThat(htmlOnly.bodyText())
                .contains("Login di sini <http://phish.example/login>")
                .contains("- satu")
                .doesNotContain("alert")
                .doesNotContain("color:red")
                .doesNotContain("tracker.example");
    }

    @Test
    void keepsEveryAttachmentByteForByteWithItsHash() throws Exception {
        byte[] tnef = {0x78, (byte) 0x9f, 0x3e, 0x22, 0x01, 0x00, (byte) 0xff, 0x00};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
        ParsedMail m = parser.parse(mail("""
                From: g@example.org
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: multipart/related; boundary=rel

                --rel
                Content-Type: text/plain; charset=UTF-8

                lihat gambar
                --rel
                Content-Type: image/png
                Content-ID: <img1@example.org>
                Content-Transfer-Encoding: base64

                %s
                --rel--
                --outer
                Content-Type: application/ms-tnef; name=winmail.dat
                Content-Disposition: attachment; filename=winmail.dat
                Content-Transfer-Encoding: base64

                %s
                --outer
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''laporan%%20insiden%%20%%E2%%80%%93%%20final.pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --outer
                Content-Type: message/rfc822

                From: original@example.org
                Subject: pesan yang diteruskan

                isi asli
                --outer--
                """.formatted(Base64.getEncoder().encodeToString(png), Base64.getEncoder().encodeToString(tnef))));

        assertThat(m.bodyText()).isEqualTo("lihat gambar");
        assertThat(m.attachments()).extracting(ParsedAttachment::contentType)
                .containsExactly("image/png", "application/ms-tnef", "application/pdf", "message/rfc822");
        ParsedAttachment image = m.attachments().get(0);
        assertThat(image.content().readAll()).isEqualTo(png);
        assertThat(image.contentId()).isEqualTo("<img1@example.org>");
        ParsedAttachment winmail = m.attachments().get(1);
        assertThat(winmail.filename()).isEqualTo("winmail.dat");
        assertThat(winmail.content().readAll()).isEqualTo(tnef);
        assertThat(winmail.sha256()).isEqualTo(Sha256.hex(tnef));
        assertThat(m.attachments().get(2).filename()).isEqualTo("laporan insiden – final.pdf");
        assertThat(new String(m.attachments().get(3).content().readAll(), StandardCharsets.UTF_8))
                .contains("Subject: pesan yang diteruskan").contains("isi asli");
    }

    @Test
    void filenamesCannotTraverseOrHideTheirExtension() {
        ParsedMail m = parser.parse(mail("""
                From: h@example.org
                Content-Type: multipart/mixed; boundary=x

                --x
                Content-Type: text/plain

                lampiran
                --x
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="../../etc/passwd"

                root
                --x
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe

                MZ
                --x--
                """));
        assertThat(m.attachments()).extracting(ParsedAttachment::filename).containsExactly("passwd", "invoicefdp.exe");
    }

    @Test
    void missingHeadersAndBrokenMimeNeverThrow() {
        ParsedMail bare = parser.parse(mail("\njust a body, no headers at all\n"));
        assertThat(bare.fromAddress()).isNull();
        assertThat(bare.messageId()).isNull();
        assertThat(bare.subject()).isEmpty();
        assertThat(bare.bodyText()).contains("just a body");

        ParsedMail unterminated = parser.parse(mail("""
                From: i@example.org
                Content-Type: multipart/mixed; boundary=never-closed

                --never-closed
                Content-Type: text/plain

                still readable
                """));
        assertThat(unterminated.bodyText()).contains("still readable");

        ParsedMail badAddress = parser.parse(mail("From: not an address at all <>\nSubject: x\n\nbody\n"));
        assertThat(badAddress.fromAddress()).isNull();
        assertThat(badAddress.bodyText()).isEqualTo("body");
    }

    @Test
    void deeplyNestedMimeIsKeptWholeBeyondTheDepthLimit() {
        StringBuilder m = new StringBuilder("From: j@example.org\nContent-Type: multipart/mixed; boundary=b0\n\n");
        int depth = 100;
        for (int i = 0; i < depth; i++) {
            m.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=b").append(i + 1).append("\n\n");
        }
        m.append("--b").append(depth).append("\nContent-Type: text/plain\n\ndeep inside\n--b").append(depth).append("--\n");
        for (int i = depth - 1; i >= 0; i--) {
            m.append("--b").append(i).append("--\n");
        }
        ParsedMail parsed = parser.parse(mail(m.toString()));
        assertThat(parsed.warnings()).anyMatch(w -> w.contains("nesting deeper than"));
        assertThat(parsed.attachments()).isNotEmpty();
    }

    @Test
    void textNeverCarriesNulCharactersWhichPostgresqlTextRejects() {
        byte[] raw = mail("From: k@example.org\nSubject: nul\n\nbefore\0after\n");
        assertThat(parser.parse(raw).bodyText()).isEqualTo("beforeafter");
    }

    @Test
    void aHostileDisplayNameCannotChangeTheAddress() {
        ParsedMail m = parser.parse(mail(
                "From: =?UTF-8?Q?Budi=0D=0ABcc:_victim=40example.org?= <budi@example.org>\nSubject: x\n\nbody\n"));
        assertThat(m.fromAddress()).isEqualTo("budi@example.org");
        assertThat(m.fromName()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void threadIdsComeNearestFirst() {
        ParsedMail m = parser.parse(mail("""
                From: l@example.org
                In-Reply-To: <c@x>
                References: <a@x> <b@x>
                 <c@x>

                reply
                """));
        assertThat(m.threadIds()).containsExactly("<c@x>", "<b@x>", "<a@x>");
    }

    @Test
    void aMessageOfMorePartsThanTheBoundIsRefusedNotWalked() {
        StringBuilder m = new StringBuilder("From: a@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=p\r\n\r\n");
        for (int i = 0; i < MailParser.MAX_PARTS; i++) {
            m.append("--p\r\nContent-Type: application/octet-stream\r\n\r\n").append(i).append("\r\n");
        }
        byte[] tooMany = m.append("--p--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MailParser().parse(tooMany))
                .isInstanceOf(MessageRefused.class).hasMessageContaining("more than " + MailParser.MAX_PARTS);
    }

    @Test
    void utf7BodiesAreDecodedWithoutAWarning() {
        // RFC 2152's own example: "Hi Mom -<WHITE SMILING FACE>-!"
        ParsedMail mail = new MailParser().parse(("From: a@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=\"UTF-7\"\r\n\r\nHi Mom -+Jjo--!\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.bodyText()).isEqualTo("Hi Mom -\u263a-!");
        assertThat(mail.warnings()).noneMatch(w -> w.contains("charset"));
    }

    @Test
    void utf7EncodedWordsInSubjectSenderNameAndFileNameAreDecoded() {
        // "+Jjo-" is U+263A in UTF-7; B and Q encodings, and two adjacent words joined
        String b64 = Base64.getEncoder().encodeToString("Situs +Jjo- diretas".getBytes(StandardCharsets.US_ASCII));
        ParsedMail mail = new MailParser().parse(("From: =?UTF-7?Q?Budi_+Jjo-?= <budi@example.org>\r\n"
                + "Subject: =?utf-7?B?" + b64 + "?= =?UTF-7?Q?_lagi?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=p\r\n\r\n--p\r\nContent-Type: text/plain\r\n\r\nisi\r\n"
                + "--p\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=\"=?UTF-7?Q?bukti+Jjo-.txt?=\"\r\n\r\nx\r\n--p--\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.subject()).isEqualTo("Situs \u263a diretas lagi");
        assertThat(mail.fromName()).isEqualTo("Budi \u263a");
        assertThat(mail.attachments()).extracting(ParsedAttachment::filename)
                .containsExactly("bukti\u263a.txt");
    }

    @Test
    void aUtf7WordThatIsNotBase64StaysAsWritten() {
        assertThat(MailCharsets.decodeUtf7Words("=?UTF-7?B?*not base64*?= x"))
                .isEqualTo("=?UTF-7?B?*not base64*?= x");
    }
}
