package id.go.trenggalekkab.csirt.system;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes that can be read more than once without being held in memory: a spooled
 * message, one decoded part of it. Evidence of any size goes to the database as a
 * stream of these.
 */
public interface ByteSource {

    /** A fresh stream over all the bytes; the caller closes it. */
    InputStream open() throws IOException;

    long size();

    default byte[] readAll() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
