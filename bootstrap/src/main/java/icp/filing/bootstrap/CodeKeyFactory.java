package icp.filing.bootstrap;

import icp.filing.domain.verification.CodeKey;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.sql.DataSource;

/**
 * The key SMS code hashes are made with ({@link CodeKey}), never stored in the database: {@code icp.sms.code-key}
 * (Base64 of at least 32 random bytes, the same on every node of a deployment), or, on the embedded default only, a
 * key generated on the first start into {@value #FILE} in the data directory (owner-only). A provincial node on an
 * external database without a configured key refuses to start, as it does without an SMS centre; a ministry node,
 * which issues no codes, makes one for the run.
 */
@Factory
final class CodeKeyFactory {
    static final String FILE = "sms-code.key";

    /**
     * Made at start, so that a missing key stops the start and not the first submission.
     *
     * @param dataSource asked for so that the embedded server has started (and a fresh directory been emptied)
     *                   before the key file is read or written
     */
    @Context
    CodeKey codeKey(@Value("${icp.sms.code-key:}") String configured,
                    @Value("${datasources.default.url:}") String url,
                    @Value("${icp.embedded-db.data-dir:data/mariadb}") String dataDir,
                    @Value("${icp.node.role:all}") String role,
                    DataSource dataSource) {
        if (!configured.isBlank()) {
            return decode(configured.strip(), "icp.sms.code-key");
        }
        if ("ministry".equals(role) && !url.startsWith(EmbeddedDatabaseListener.EMBEDDED)) {
            // a ministry node takes no submissions, so it issues no codes: a key of its own for this run does
            return new CodeKey(random());
        }
        if (!url.startsWith(EmbeddedDatabaseListener.EMBEDDED)) {
            throw new ConfigurationException("""
                    no SMS code key configured: a system on an external database keys the hashes of SMS \
                    verification codes with a secret kept out of the database (icp.sms.code-key: Base64 of at least \
                    32 random bytes, e.g. `openssl rand -base64 32`, the same on every node; see README).""");
        }
        return embedded(Path.of(dataDir).toAbsolutePath().normalize().resolve(FILE));
    }

    private static CodeKey embedded(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            byte[] key = random();
            OwnerOnly.write(file, Base64.getEncoder().encodeToString(key) + "\n");
            return new CodeKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the SMS code key in " + file, e);
        }
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static CodeKey decode(String base64, String where) {
        try {
            return new CodeKey(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the SMS code key in " + where + " is not Base64 of at least "
                    + CodeKey.MIN_BYTES + " bytes");
        }
    }
}
