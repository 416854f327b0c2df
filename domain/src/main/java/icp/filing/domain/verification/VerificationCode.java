package icp.filing.domain.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A 6-digit SMS code: drawn from a secure source, kept only as a salted HMAC-SHA256 under the server's
 * {@link CodeKey} ({@code k1:<salt>:<mac>}), compared in constant time. A stolen table does not hand over codes that
 * are still live: a million candidates are nothing to a slow hash, but without the key there is nothing to try them
 * against. HMAC is built on the JDK's digest, so the domain needs no crypto provider API.
 *
 * <p>Hashes written before the key ({@code <salt>:<hash>}, SHA-256 iterated) are still verified, for the 24 hours
 * their codes live across an upgrade.
 */
public final class VerificationCode {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 20_000;

    private VerificationCode() {
    }

    /** A code and how it is stored. */
    public record Issued(String code, String hash) {
        @Override
        public String toString() {
            return "Issued[code=******]";
        }
    }

    public static Issued issue(CodeKey key) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Issued(code, KEYED + HexFormat.of().formatHex(salt) + ":"
                + HexFormat.of().formatHex(mac(key, salt, code)));
    }

    public static boolean matches(String code, String stored, CodeKey key) {
        if (code == null || code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        boolean keyed = stored.startsWith(KEYED);
        String rest = keyed ? stored.substring(KEYED.length()) : stored;
        int colon = rest.indexOf(':');
        byte[] salt = HexFormat.of().parseHex(rest.substring(0, colon));
        byte[] expected = HexFormat.of().parseHex(rest.substring(colon + 1));
        return MessageDigest.isEqual(expected, keyed ? mac(key, salt, code) : derive(code, salt));
    }

    private static final String KEYED = "k1:";
    private static final int BLOCK = 64;

    /** HMAC-SHA256 (RFC 2104) of salt and code under the key. */
    private static byte[] mac(CodeKey key, byte[] salt, String code) {
        MessageDigest sha256 = sha256();
        byte[] k = key.bytes().length > BLOCK ? sha256.digest(key.bytes()) : key.bytes();
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        sha256.update(inner);
        sha256.update(salt);
        byte[] innerHash = sha256.digest(code.getBytes(StandardCharsets.US_ASCII));
        sha256.update(outer);
        return sha256.digest(innerHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The hash of codes issued before the key: SHA-256 iterated over salt and code. */
    private static byte[] derive(String code, byte[] salt) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] secret = code.getBytes(StandardCharsets.US_ASCII);
            byte[] state = salt;
            for (int i = 0; i < ITERATIONS; i++) {
                sha256.update(state);
                sha256.update(salt);
                state = sha256.digest(secret);
            }
            return state;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
