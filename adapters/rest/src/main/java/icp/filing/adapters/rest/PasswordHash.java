package icp.filing.adapters.rest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Bureau passwords as PBKDF2-HMAC-SHA256 hashes: {@code pbkdf2-sha256:<iterations>:<salt b64>:<hash b64>}.
 * Configuration holds only such hashes, never a password.
 */
public final class PasswordHash {
    private static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's current recommendation for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;

    private PasswordHash() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return SCHEME + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * A hash of no password, at today's work factor: checking a password against it costs what checking against a
     * real one costs (the work is deriving from the attempt), and it matches nothing. Made without deriving anything.
     */
    static String decoy() {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] derived = new byte[32];
        random.nextBytes(salt);
        random.nextBytes(derived);
        return SCHEME + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derived);
    }

    /** True for a hash made with fewer iterations than today's, which should be made again. */
    static boolean isWeak(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split(":");
        return parts.length != 4 || !parts[1].matches("\\d{1,9}") || Integer.parseInt(parts[1]) < ITERATIONS;
    }

    public static boolean matches(String password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split(":");
        if (parts.length != 4 || !parts[0].equals(SCHEME) || password == null) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    /** Prints the hash of a password for the configuration: {@code java -cp … PasswordHash <password>}. */
    public static void main(String[] args) {
        System.out.println(hash(new String(args[0].getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
    }
}
