package icp.filing.domain.verification;

import java.util.Arrays;

/**
 * The server's secret that SMS code hashes are keyed with. It is kept out of the database (configuration, or the
 * embedded database's owner-only folder), so a copied table does not give away codes still live: without the key a
 * 6-digit code cannot be tried against its hash, however fast the attacker.
 */
public final class CodeKey {
    /** Fewest bytes a key has: the length of the HMAC-SHA256 output. */
    public static final int MIN_BYTES = 32;
    private final byte[] key;

    public CodeKey(byte[] key) {
        if (key == null || key.length < MIN_BYTES) {
            throw new IllegalArgumentException("an SMS code key has at least " + MIN_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    byte[] bytes() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeKey other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "CodeKey[******]";
    }
}
