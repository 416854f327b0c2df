package icp.filing.domain.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A 6-digit SMS code: drawn from a secure source, kept only as a salted, slow hash (a stolen table does not hand over
 * codes that are still live), compared in constant time. The slowness is SHA-256 iterated over the salt and code:
 * the JDK's digest alone, so the domain needs no crypto provider API.
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

    public static Issued issue() {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Issued(code, HexFormat.of().formatHex(salt) + ":" + HexFormat.of().formatHex(derive(code, salt)));
    }

    public static boolean matches(String code, String stored) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        int colon = stored.indexOf(':');
        byte[] salt = HexFormat.of().parseHex(stored.substring(0, colon));
        byte[] expected = HexFormat.of().parseHex(stored.substring(colon + 1));
        return MessageDigest.isEqual(expected, derive(code, salt));
    }

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
