package id.go.trenggalekkab.csirt.support;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Flags;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** A mail client for tests: real SMTP submission, IMAP APPEND and IMAP reading against GreenMail. */
public final class TestMail {

    private TestMail() {}

    /** A plain UTF-8 report; extra header lines go before the body. Returns its bytes. */
    public static byte[] report(String from, String subject, String body, String... extraHeaders) {
        StringBuilder m = new StringBuilder()
                .append("From: ").append(from).append("\r\n")
                .append("To: ").append(TestServers.DESK).append("\r\n")
                .append("Subject: ").append(subject).append("\r\n")
                .append("Date: Sun, 29 Nov 2026 20:00:00 +0700\r\n");
        boolean hasMessageId = false;
        for (String header : extraHeaders) {
            hasMessageId |= header.regionMatches(true, 0, "Message-ID:", 0, 11);
            m.append(header).append("\r\n");
        }
        if (!hasMessageId) {
            m.append("Message-ID: ").append(newMessageId()).append("\r\n");
        }
        m.append("MIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n")
                .append("Content-Transfer-Encoding: 8bit\r\n\r\n")
                .append(body.replace("\n", "\r\n")).append("\r\n");
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A reply on a case's thread, as a mail client writes it: the tag kept in the subject with
     * the commands after it, the note above a quoted earlier message. Authenticated: the
     * desk's mail server stamped DKIM pass for the From domain (authserv-id mx.trenggalekkab.go.id).
     */
    public static byte[] reply(String from, String ticket, String commands, String note, boolean authenticated) {
        String domain = from.substring(from.indexOf('@') + 1);
        String subject = ("Re: [" + ticket + "] Laporan diterima " + commands).strip();
        String body = note + "\n\nPada Sen, 30 Nov 2026 TTIS menulis:\n> kutipan lama";
        return authenticated
                ? report(from, subject, body, "Message-ID: " + newMessageId(),
                        "Authentication-Results: mx.trenggalekkab.go.id; dkim=pass header.d=" + domain + "; spf=pass")
                : report(from, subject, body, "Message-ID: " + newMessageId());
    }

    /** A single-part message's text; fails the test where it is not one. */
    public static String textOf(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (jakarta.mail.MessagingException | java.io.IOException | ClassCastException e) {
            throw new AssertionError("not a readable text message: " + e, e);
        }
    }

    /** A message's subject, or "" where it cannot be read. */
    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException unreadable) {
            return "";
        }
    }

    public static String newMessageId() {
        return "<" + UUID.randomUUID() + "@test.example.org>";
    }

    public static String uniqueAddress(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Delivers the bytes to the desk over SMTP, as a reporter's mail server would. */
    public static void deliver(String envelopeFrom, byte[] raw) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.from", envelopeFrom);
        Session session = Session.getInstance(props);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", TestServers.smtpPort(), null, null);
            transport.sendMessage(new AsIs(session, raw), new Address[] {new InternetAddress(TestServers.DESK)});
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP delivery to GreenMail failed", e);
        }
    }

    /**
     * Stores messages in the desk's inbox inside GreenMail, without a network round trip per
     * message (IMAP APPEND costs about a quarter of a second each against GreenMail), with
     * the arrival time as INTERNALDATE. The desk still reads them over real IMAP. Returns
     * the indexes of the messages GreenMail itself could not store (it fails on a few
     * malformed ones).
     */
    public static List<Integer> putInDeskInbox(List<byte[]> messages) {
        return putInInbox(TestServers.DESK, messages);
    }

    /** {@link #putInDeskInbox} for another mailbox (another desk's). */
    public static List<Integer> putInInbox(String mailbox, List<byte[]> messages) {
        List<Integer> refused = new ArrayList<>();
        try {
            GreenMail greenMail = TestServers.greenMail();
            MailFolder inbox = greenMail.getManagers().getImapHostManager()
                    .getInbox(greenMail.getUserManager().getUserByEmail(mailbox));
            Session session = Session.getInstance(new Properties());
            for (int i = 0; i < messages.size(); i++) {
                try {
                    inbox.appendMessage(new AsIs(session, messages.get(i)), new Flags(), new Date());
                } catch (MessagingException | RuntimeException e) {
                    refused.add(i);
                }
            }
        } catch (FolderException e) {
            throw new IllegalStateException("GreenMail has no inbox for " + mailbox, e);
        }
        return refused;
    }

    /** Number of messages (not flagged deleted) in one of the desk's folders. */
    public static int deskFolderCount(String folderName) {
        return folderCount(TestServers.DESK, folderName);
    }

    /**
     * {@link #deskFolderCount} for another mailbox (another desk's). GreenMail drops a
     * connection whose STATUS races a MOVE (its message lists are not thread-safe); the
     * count is asked again.
     */
    public static int folderCount(String mailbox, String folderName) {
        for (int attempt = 1; ; attempt++) {
            try {
                return withStore(mailbox, store -> {
                    Folder folder = store.getFolder(folderName);
                    if (!folder.exists()) {
                        return 0;
                    }
                    // counts only: the desk may be moving messages out of this folder right now
                    return folder.getMessageCount() - Math.max(folder.getDeletedMessageCount(), 0);
                });
            } catch (IllegalStateException dropped) {
                if (attempt == 5 || !(dropped.getCause() instanceof jakarta.mail.StoreClosedException)) {
                    throw dropped;
                }
            }
        }
    }

    /**
     * The messages in a person's inbox whose subject contains the text, as raw bytes: the
     * server searches, and only those are fetched (an officer's inbox holds thousands of
     * briefings by the end of the suite).
     */
    public static List<byte[]> inboxOf(String address, String subjectContains) {
        return withStore(address, store -> {
            Folder inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                return List.of();
            }
            inbox.open(Folder.READ_ONLY);
            List<byte[]> found = new ArrayList<>();
            for (Message m : inbox.search(new jakarta.mail.search.SubjectTerm(subjectContains))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                m.writeTo(out);
                found.add(out.toByteArray());
            }
            inbox.close(false);
            return found;
        });
    }

    /** Every message in a person's GreenMail inbox, as raw bytes (login = password = address). */
    public static List<byte[]> inboxOf(String address) {
        return withStore(address, store -> {
            Folder inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                return List.of();
            }
            inbox.open(Folder.READ_ONLY);
            List<byte[]> all = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                m.writeTo(out);
                all.add(out.toByteArray());
            }
            inbox.close(false);
            return all;
        });
    }

    /**
     * The Message-ID of every copy GreenMail received for each recipient in the domain
     * (one entry per copy, so that a repeated mail shows).
     */
    public static java.util.Map<String, List<String>> messageIdsByRecipient(String domain) {
        java.util.Map<String, List<String>> ids = new java.util.TreeMap<>();
        try {
            for (MimeMessage received : TestServers.greenMail().getReceivedMessagesForDomain(domain)) {
                for (Address address : received.getAllRecipients()) {
                    String recipient = ((InternetAddress) address).getAddress();
                    if (recipient.endsWith("@" + domain)) {
                        ids.computeIfAbsent(recipient, r -> new ArrayList<>()).add(received.getMessageID());
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("GreenMail holds an unreadable message", e);
        }
        return ids;
    }

    /** A report with this many parts in all: its text and the rest tiny attachments. */
    public static byte[] manyParts(String from, String messageId, int parts) {
        StringBuilder m = new StringBuilder("From: ").append(from).append("\r\nTo: csirt@trenggalekkab.go.id\r\n")
                .append("Subject: Banyak bagian\r\nMessage-ID: ").append(messageId)
                .append("\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n")
                .append("--p\r\nContent-Type: text/plain\r\n\r\nLaporan dengan banyak bukti.\r\n");
        // the multipart itself is a part too
        for (int i = 1; i < parts - 1; i++) {
            m.append("--p\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"b")
                    .append(i).append(".bin\"\r\n\r\n").append(i).append("\r\n");
        }
        return m.append("--p--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T withStore(String login, StoreWork<T> work) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", TestServers.imapPort(), login, login);
            try {
                return work.apply(store);
            } finally {
                store.close();
            }
        } catch (jakarta.mail.AuthenticationFailedException noSuchUserYet) {
            @SuppressWarnings("unchecked")
            T empty = (T) List.of();
            return empty;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("IMAP access to GreenMail failed", e);
        }
    }

    @FunctionalInterface
    private interface StoreWork<T> {
        T apply(Store store) throws MessagingException, IOException;
    }

    /** Sent and appended exactly as given: no header is added or rewritten. */
    private static final class AsIs extends MimeMessage {
        AsIs(Session session, byte[] raw) throws MessagingException {
            super(session, new ByteArrayInputStream(raw));
        }

        @Override
        public void saveChanges() {
            // as is
        }
    }
}
