package icp.filing.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The embedded server's one account, {@value #USER}@127.0.0.1. Its password is generated on the first start and kept
 * in the data directory, readable by its owner only; the server learns it from an init file that holds only the
 * password's hash and is deleted once the server is up. Anonymous accounts are dropped; root can only come in
 * through the socket as the operating-system user root, and the socket's folder is owner-only.
 */
final class EmbeddedCredentials {
    static final String USER = "icp";
    static final String FILE = "credentials.properties";

    private final String password;

    private EmbeddedCredentials(String password) {
        this.password = password;
    }

    static EmbeddedCredentials loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            String stored = properties.getProperty("password", "");
            if (stored.matches("[A-Za-z0-9_-]{16,}")) {
                OwnerOnly.write(file, Files.readString(file));
                return new EmbeddedCredentials(stored);
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OwnerOnly.write(file, "# the embedded MariaDB's account " + USER + "@127.0.0.1, generated on first start\n"
                + "user=" + USER + "\npassword=" + generated + "\n");
        return new EmbeddedCredentials(generated);
    }

    String password() {
        return password;
    }

    /** SQL the server runs at start, before it takes connections; the caller deletes the file after the start. */
    Path writeInitFile(Path dir) throws IOException {
        String account = "'" + USER + "'@'127.0.0.1'";
        return OwnerOnly.write(dir.resolve("init.sql"), String.join("\n",
                "CREATE USER IF NOT EXISTS " + account + ";",
                "ALTER USER " + account + " IDENTIFIED BY PASSWORD '" + nativePasswordHash(password) + "';",
                "GRANT ALL PRIVILEGES ON *.* TO " + account + ";",
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "FLUSH PRIVILEGES;", ""));
    }

    /** mysql_native_password's stored form: '*' and the upper-case hex of SHA1(SHA1(password)). */
    static String nativePasswordHash(String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
