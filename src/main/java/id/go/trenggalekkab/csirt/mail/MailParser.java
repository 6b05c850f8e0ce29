package id.go.trenggalekkab.csirt.mail;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads raw message bytes into a {@link ParsedMail}. It never throws for bad input: what
 * it cannot read it records as a warning and falls back to something readable, because a
 * report with broken MIME is still a report. The raw bytes are not touched. The one
 * refusal is a message of more than {@link #MAX_PARTS} parts ({@link MessageRefused}).
 */
@Component
public class MailParser {

    static {
        MimeLeniency.apply();
    }

    /** Deeper MIME trees are kept whole as one opaque part rather than walked. */
    static final int MAX_DEPTH = 40;

    /**
     * More parts than this and the message is refused ({@link MessageRefused}): a message of
     * a few thousand parts is stored part by part in seconds, one of a hundred thousand would
     * hold the intake for every other report behind it.
     */
    public static final int MAX_PARTS = 5_000;

    /** Body text shown and searched is cut here; a longer text part is also kept whole as an attachment. */
    public static final int MAX_TEXT_BYTES = 1 << 20;

    private static final Pattern MSG_ID = Pattern.compile("<([^<>\\s\\p{Cc}]{1,900})>");
    private static final Pattern SANE_ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"@\\p{Cc}]+@[^\\s<>()\\[\\],;:\"@\\p{Cc}]+");
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^\\s<>()\\[\\],;:\"@\\p{Cc}]+@[^\\s<>()\\[\\],;:\"@\\p{Cc}]+)>");
    private static final Pattern ASCII = Pattern.compile("(us-)?ascii");
    private static final Pattern NOT_IN_A_MESSAGE_ID = Pattern.compile("[\\s<>\\p{Cc}]");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\p{Cc}]+@[^\\s<>\"'(),;:\\p{Cc}]+");
    private static final int MAX_REFERENCES = 50;

    private final Session session;

    public MailParser() {
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(props);
    }

    public ParsedMail parse(byte[] raw) {
        return parse(RawMessage.of(raw));
    }

    /** Parts of the result read from {@code raw} until it is closed. */
    public ParsedMail parse(RawMessage raw) {
        List<String> warnings = new ArrayList<>();
        MimeMessage message;
        try {
            message = new MimeMessage(session, (InputStream) raw.forParsing());
        } catch (MessagingException | IOException | RuntimeException e) {
            warnings.add("message structure unreadable (" + e + "); body shown as raw text");
            return new ParsedMail(null, null, List.of(), null, null, "",
                    withoutNul(MailCharsets.decodeUnlabelled(raw.head(MAX_TEXT_BYTES))),
                    null, null, "application/octet-stream", new MailHeaders(), List.of(), List.of(), warnings);
        }

        MailHeaders headers = readHeaders(message, warnings);
        Body body = new Body();
        List<ParsedAttachment> attachments = new ArrayList<>();
        walk(message, "1", 0, body, attachments, warnings);
        From from = readFrom(message, headers, warnings);

        return new ParsedMail(
                firstMessageId(headers.first("Message-ID")),
                firstMessageId(headers.first("In-Reply-To")),
                references(headers.first("References")),
                from.name(),
                from.address(),
                readSubject(message, warnings),
                withoutNul(body.text()),
                sentAt(message),
                topReceivedAt(headers),
                baseType(message, warnings),
                headers,
                List.copyOf(attachments),
                body.links(),
                warnings.stream().map(MailParser::withoutNul).toList());
    }

    /** PostgreSQL text cannot hold NUL; the raw bytes (bytea) keep every byte as sent. */
    static String withoutNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    private MailHeaders readHeaders(MimeMessage message, List<String> warnings) {
        MailHeaders headers = new MailHeaders();
        try {
            Enumeration<Header> all = message.getAllHeaders();
            while (all.hasMoreElements()) {
                Header h = all.nextElement();
                headers.add(h.getName(), h.getValue());
            }
        } catch (MessagingException e) {
            warnings.add("headers unreadable: " + e.getMessage());
        }
        return headers;
    }

    private void walk(Part part, String path, int depth, Body body, List<ParsedAttachment> out, List<String> warnings) {
        if (++body.parts > MAX_PARTS) {
            throw new MessageRefused("more than " + MAX_PARTS + " MIME parts");
        }
        String type = baseType(part, warnings);
        if (depth > MAX_DEPTH) {
            warnings.add("MIME nesting deeper than " + MAX_DEPTH + " at part " + path + ": kept whole, not walked");
            out.add(attachment(part, path, type, PartContent.transmitted(part, path, warnings), warnings));
            return;
        }
        if (type.startsWith("multipart/")) {
            try {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        walk(multipart.getBodyPart(i), path + "." + (i + 1), depth + 1, body, out, warnings);
                    }
                    return;
                }
            } catch (MessageRefused refused) {
                throw refused;
            } catch (MessagingException | IOException | RuntimeException e) {
                warnings.add("multipart at part " + path + " unreadable (" + e.getMessage() + "): kept whole");
            }
            out.add(attachment(part, path, type, PartContent.transmitted(part, path, warnings), warnings));
            return;
        }
        boolean textBody = !isAttachment(part, type, warnings)
                && (type.equals("text/plain") || type.equals("text/html"));
        if (!textBody) {
            out.add(attachment(part, path, type, PartContent.decoded(part, path, warnings, body.kept), warnings));
            return;
        }
        byte[] bytes = textBytes(part, path, warnings);
        if (bytes.length > MAX_TEXT_BYTES) {
            warnings.add("text part " + path + " is longer than " + (MAX_TEXT_BYTES >> 20)
                    + " MiB: the body text is cut there and the whole part kept as an attachment");
            bytes = java.util.Arrays.copyOf(bytes, MAX_TEXT_BYTES);
            out.add(attachment(part, path, type, PartContent.decoded(part, path, warnings, body.kept), warnings));
        }
        String text = decodeText(part, bytes, path, warnings);
        if (type.equals("text/plain")) {
            body.plain(text);
        } else {
            body.html(text);
        }
    }

    private boolean isAttachment(Part part, String type, List<String> warnings) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename(part, warnings) != null;
        } catch (MessagingException | RuntimeException e) {
            return !type.startsWith("text/");
        }
    }

    private ParsedAttachment attachment(Part part, String path, String type, PartContent content, List<String> warnings) {
        String disposition = null;
        String contentId = null;
        try {
            disposition = part.getDisposition();
            if (part instanceof MimePart mime) {
                contentId = mime.getContentID();
            }
        } catch (MessagingException | RuntimeException e) {
            warnings.add("part " + path + " has unreadable disposition: " + e.getMessage());
        }
        return new ParsedAttachment(path, filename(part, warnings), clean(type),
                disposition == null ? null : clean(disposition).toLowerCase(Locale.ROOT),
                clean(contentId), content, content.sha256());
    }

    private static String filename(Part part, List<String> warnings) {
        try {
            return Filenames.safe(MailCharsets.decodeUtf7Words(part.getFileName()));
        } catch (MessagingException | RuntimeException e) {
            warnings.add("unreadable filename: " + e.getMessage());
            return null;
        }
    }

    /**
     * Up to one byte more than {@link #MAX_TEXT_BYTES} of a text part, decoded, or as
     * transmitted where decoding fails: enough to show it and to tell that it is longer.
     */
    private static byte[] textBytes(Part part, String path, List<String> warnings) {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(MAX_TEXT_BYTES + 1);
        } catch (MessagingException | IOException | RuntimeException e) {
            warnings.add("part " + path + " could not be decoded (" + e.getMessage() + "): kept as transmitted");
        }
        try (InputStream in = PartContent.transmitted(part, path, warnings).open()) {
            return in.readNBytes(MAX_TEXT_BYTES + 1);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String decodeText(Part part, byte[] bytes, String path, List<String> warnings) {
        String label = null;
        try {
            label = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            // no usable Content-Type: treat as unlabelled
        }
        if (label == null || label.isBlank() || ASCII.matcher(label.toLowerCase(Locale.ROOT)).matches()) {
            return MailCharsets.decodeUnlabelled(bytes);
        }
        Optional<Charset> charset = MailCharsets.forLabel(label);
        if (charset.isEmpty()) {
            warnings.add("part " + path + " declares unknown charset '" + label + "': read as UTF-8 or windows-1252");
            return MailCharsets.decodeUnlabelled(bytes);
        }
        return new String(bytes, charset.get());
    }

    private static String baseType(Part part, List<String> warnings) {
        try {
            String declared = part.getContentType();
            if (declared == null) {
                return "text/plain";
            }
            return new ContentType(declared).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            warnings.add("unreadable Content-Type: " + e.getMessage());
            return "application/octet-stream";
        }
    }

    /** Who the From header names: either may be null. */
    private record From(String name, String address) {}

    private static From readFrom(MimeMessage message, MailHeaders headers, List<String> warnings) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address
                    && address.getAddress() != null && SANE_ADDRESS.matcher(address.getAddress()).matches()) {
                return new From(clean(MailCharsets.decodeUtf7Words(address.getPersonal())),
                        clean(address.getAddress()).toLowerCase(Locale.ROOT));
            }
        } catch (MessagingException | RuntimeException e) {
            warnings.add("From unreadable as an address: " + e.getMessage());
        }
        String raw = headers.first("From");
        if (raw == null) {
            raw = headers.first("Sender");
        }
        if (raw == null) {
            warnings.add("no From header");
            return new From(null, null);
        }
        // a hostile or broken display name can make the address parser read garbage:
        // the angle-address, then any bare address, is what the header really names
        Matcher angle = ANGLE_ADDRESS.matcher(raw);
        Matcher bare = BARE_ADDRESS.matcher(raw);
        String address = angle.find() ? angle.group(1) : bare.find() ? bare.group() : null;
        String name = angle.find(0) ? raw.substring(0, angle.start()).replace("\"", "").strip() : raw;
        warnings.add("From read leniently: " + clean(raw));
        return new From(clean(decodeWords(name)), address == null ? null : address.toLowerCase(Locale.ROOT));
    }

    private static String readSubject(MimeMessage message, List<String> warnings) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : clean(MailCharsets.decodeUtf7Words(subject));
        } catch (MessagingException | RuntimeException e) {
            warnings.add("Subject unreadable: " + e.getMessage());
            return "";
        }
    }

    private static String decodeWords(String value) {
        try {
            return MailCharsets.decodeUtf7Words(MimeUtility.decodeText(value));
        } catch (IOException | RuntimeException e) {
            return value;
        }
    }

    /** Header text as one safe line: no CR, LF or other control characters survive. */
    static String clean(String value) {
        return value == null ? null : HeaderValues.oneLine(value, 998);
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return sent == null ? null : sent.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static Instant topReceivedAt(MailHeaders headers) {
        String received = headers.first("Received");
        if (received == null || received.lastIndexOf(';') < 0) {
            return null;
        }
        try {
            Date date = new MailDateFormat().parse(received.substring(received.lastIndexOf(';') + 1).trim());
            return date == null ? null : date.toInstant();
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    static String firstMessageId(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = MSG_ID.matcher(header);
        if (m.find()) {
            return "<" + m.group(1) + ">";
        }
        String bare = NOT_IN_A_MESSAGE_ID.matcher(header).replaceAll("");
        return bare.isEmpty() ? null : "<" + (bare.length() > 900 ? bare.substring(0, 900) : bare) + ">";
    }

    private static List<String> references(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MSG_ID.matcher(header);
        while (m.find()) {
            ids.add("<" + m.group(1) + ">");
        }
        return ids.size() > MAX_REFERENCES ? List.copyOf(ids.subList(ids.size() - MAX_REFERENCES, ids.size())) : ids;
    }

    /** Collects body text: text/plain preferred, HTML turned into text only where there is no plain text. */
    private static final class Body {
        private int parts;
        private final PartContent.Budget kept = new PartContent.Budget();
        private final StringBuilder plain = new StringBuilder();
        private final StringBuilder html = new StringBuilder();

        void plain(String text) {
            append(plain, text);
        }

        void html(String text) {
            append(html, text);
        }

        String text() {
            if (!plain.toString().isBlank()) {
                return plain.toString().strip();
            }
            return html.isEmpty() ? "" : HtmlText.toText(html.toString());
        }

        /** The links of every HTML body part, also where a plain text part is the one shown. */
        List<HtmlLink> links() {
            return html.isEmpty() ? List.of() : HtmlText.links(html.toString());
        }

        private static void append(StringBuilder to, String text) {
            if (!to.isEmpty()) {
                to.append("\n\n");
            }
            to.append(text);
        }
    }
}
