package icp.filing.adapters.ministry;

import com.google.protobuf.CodedInputStream;
import icp.filing.application.port.NationalFiling;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The bulk-import file format (docs/bulk-import.md): a stream of length-delimited {@code icp.ministry.v1.NationalFiling}
 * messages, as protobuf's {@code writeDelimitedTo} writes them. Each message is bounded (1 MB) and checked as an
 * upload is before it is read further.
 */
public final class RegisterFiles {
    private static final int MAX_MESSAGE = 1 << 20;

    private RegisterFiles() {
    }

    public static void write(OutputStream out, NationalFiling filing) throws IOException {
        NationalMessages.toMessage(filing).writeDelimitedTo(out);
    }

    /** The filings of a stream, in order; a malformed or oversized message ends the reading with its position. */
    public static Iterator<NationalFiling> read(InputStream in) {
        return new Iterator<>() {
            private NationalFiling next;
            private long position;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = readOne();
                }
                return next != null;
            }

            @Override
            public NationalFiling next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                NationalFiling current = next;
                next = null;
                return current;
            }

            private NationalFiling readOne() {
                try {
                    int first = in.read();
                    if (first == -1) {
                        return null;
                    }
                    int size = CodedInputStream.readRawVarint32(first, in);
                    if (size < 0 || size > MAX_MESSAGE) {
                        throw new IllegalArgumentException("message " + (position + 1) + " claims " + size
                                + " bytes; at most " + MAX_MESSAGE);
                    }
                    byte[] bytes = in.readNBytes(size);
                    if (bytes.length < size) {
                        throw new IllegalArgumentException("message " + (position + 1) + " is cut short");
                    }
                    position++;
                    return NationalMessages.fromMessage(icp.filing.proto.ministry.v1.NationalFiling.parseFrom(bytes));
                } catch (IOException e) {
                    throw new UncheckedIOException("message " + (position + 1) + " unreadable", e);
                }
            }
        };
    }
}
