package id.go.trenggalekkab.csirt.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.springframework.jdbc.core.support.SqlBinaryValue;

/**
 * Evidence bound to a bytea parameter as a stream (PostgreSQL's driver sends it in the
 * statement without copying it into the heap), open for exactly one statement.
 */
public final class StreamedParameter {

    private StreamedParameter() {}

    public static <T> T bind(ByteSource bytes, Function<SqlBinaryValue, T> statement) {
        try (InputStream in = bytes.open()) {
            return statement.apply(new SqlBinaryValue(in, bytes.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("evidence bytes unreadable while storing them", e);
        }
    }
}
