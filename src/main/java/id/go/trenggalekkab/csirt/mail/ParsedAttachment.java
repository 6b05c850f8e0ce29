package id.go.trenggalekkab.csirt.mail;

import id.go.trenggalekkab.csirt.system.ByteSource;

/**
 * One part of a message kept as evidence: every leaf that is not the body text,
 * including inline images, nested messages and winmail.dat, byte for byte as decoded
 * from its transfer encoding. The content is read from the spooled message, not held.
 *
 * @param partPath    where it sits in the MIME tree, e.g. "1.2"
 * @param filename    made safe to show and store (no path, no control characters), or null
 */
public record ParsedAttachment(
        String partPath,
        String filename,
        String contentType,
        String disposition,
        String contentId,
        ByteSource content,
        String sha256) {

    public long size() {
        return content.size();
    }
}
