package id.go.trenggalekkab.csirt.mail;

import id.go.trenggalekkab.csirt.system.ByteSource;
import id.go.trenggalekkab.csirt.system.Sha256;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * One MIME part's bytes, measured and hashed in one streaming pass and read again from
 * the spooled message when stored: a 25 MB attachment is never a 25 MB array. A small
 * decoded part is kept as decoded instead, up to a {@link Budget} per message: the desk
 * reads an attachment three times (hashed here, its head looked at for danger signs,
 * stored), and undoing base64 each time was a tenth of the intake's CPU in a flood.
 */
final class PartContent implements ByteSource {

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws MessagingException, IOException;
    }

    private static final PartContent EMPTY = new PartContent(InputStream::nullInputStream, 0,
            Sha256.hex(new byte[0]));

    private final Opener opener;
    private final long size;
    private final String sha256;

    private PartContent(Opener opener, long size, String sha256) {
        this.opener = opener;
        this.size = size;
        this.sha256 = sha256;
    }

    /** How many decoded bytes one message's parts may keep in memory, all parts together. */
    static final class Budget {
        static final long PER_MESSAGE = 4L << 20;
        private long left = PER_MESSAGE;
    }

    /**
     * The part with its transfer encoding undone, or as transmitted where that fails; kept
     * as decoded where it fits what is left of {@code budget}.
     */
    static PartContent decoded(Part part, String path, List<String> warnings, Budget budget) {
        try {
            return measure(part::getInputStream, budget);
        } catch (MessagingException | IOException | RuntimeException e) {
            warnings.add("part " + path + " could not be decoded (" + e.getMessage() + "): kept as transmitted");
            return transmitted(part, path, warnings);
        }
    }

    /** The part's bytes as they stand in the message, transfer encoding and all. */
    static PartContent transmitted(Part part, String path, List<String> warnings) {
        if (part instanceof MimePart mime) {
            try {
                return measure(() -> mime instanceof MimeMessage m ? m.getRawInputStream()
                        : ((MimeBodyPart) mime).getRawInputStream(), null);
            } catch (MessagingException | IOException | RuntimeException e) {
                warnings.add("part " + path + " unreadable even as transmitted: " + e.getMessage());
            }
        }
        return EMPTY;
    }

    /** @param budget null where the bytes are a slice of the spooled message anyway, with nothing to undo */
    private static PartContent measure(Opener opener, Budget budget) throws MessagingException, IOException {
        MessageDigest digest = Sha256.digest();
        long size = 0;
        ByteArrayOutputStream kept = budget == null ? null : new ByteArrayOutputStream();
        try (InputStream in = opener.open()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
                size += n;
                if (kept != null && size > budget.left) {
                    kept = null;
                } else if (kept != null) {
                    kept.write(buffer, 0, n);
                }
            }
        }
        if (kept == null) {
            return new PartContent(opener, size, Sha256.hex(digest));
        }
        budget.left -= size;
        byte[] decoded = kept.toByteArray();
        return new PartContent(() -> new ByteArrayInputStream(decoded), size, Sha256.hex(digest));
    }

    String sha256() {
        return sha256;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        try {
            return opener.open();
        } catch (MessagingException e) {
            throw new IOException("part no longer readable: " + e.getMessage(), e);
        }
    }
}
