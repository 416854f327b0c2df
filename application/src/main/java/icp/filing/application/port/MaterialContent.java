package icp.filing.application.port;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes of an upload as they arrived, wherever they wait meanwhile (a spool file, memory): their size, digest and
 * first bytes are known without reading them again, and the whole is read once, as a stream, to be stored.
 */
public interface MaterialContent {
    long size();

    /** Lower-case hex SHA-256 of all the bytes. */
    String sha256();

    /** The first bytes (up to {@code n}), by which the format is recognised. */
    byte[] head(int n);

    InputStream open() throws IOException;

    /** Bytes already in memory: tests, and callers with small content. */
    static MaterialContent of(byte[] bytes) {
        byte[] copy = bytes.clone();
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(copy));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        return new MaterialContent() {
            @Override
            public long size() {
                return copy.length;
            }

            @Override
            public String sha256() {
                return digest;
            }

            @Override
            public byte[] head(int n) {
                return Arrays.copyOf(copy, Math.min(n, copy.length));
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }
        };
    }
}
