package icp.filing.adapters.grpc;

import com.google.protobuf.ByteString;
import icp.filing.application.port.MaterialContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One upload's bytes on their way in: written to an owner-only spool file chunk by chunk while their SHA-256 is
 * computed, so a stream costs the memory of one chunk, not of the whole material. The file is deleted when the
 * upload is stored or given up.
 */
final class UploadSpool implements MaterialContent, AutoCloseable {
    private static final int HEAD = 16;
    private final Path file;
    private final OutputStream out;
    private final MessageDigest digest;
    private final byte[] head = new byte[HEAD];
    private long size;
    private String sha256;

    UploadSpool(Path directory) throws IOException {
        this.file = Files.createTempFile(directory, "upload-", ".part");
        this.out = Files.newOutputStream(file);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    void append(ByteString chunk) {
        try {
            chunk.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("spool file " + file.getFileName(), e);
        }
        for (java.nio.ByteBuffer part : chunk.asReadOnlyByteBufferList()) {
            digest.update(part);
        }
        if (size < HEAD) {
            chunk.substring(0, (int) Math.min(chunk.size(), HEAD - size)).copyTo(head, (int) size);
        }
        size += chunk.size();
    }

    /** No more bytes: the digest is final and the file can be read. */
    void finish() throws IOException {
        out.close();
        sha256 = HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public byte[] head(int n) {
        return Arrays.copyOf(head, (int) Math.min(Math.min(n, HEAD), size));
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("spool file " + file.getFileName(), e);
        }
    }
}
