package icp.filing.adapters.ministry;

import icp.filing.domain.common.Province;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keys the ministry knows provinces by: {@code icp.ministry.provinces.<code>.key-sha256} (SHA-256 hex of the key a
 * provincial node sends as {@code x-province-key}), and a loopback key made at each start for this process's own
 * provincial side (the default single node), which stands for every province and never leaves the process.
 */
@Singleton
final class ProvinceKeys {
    private final List<Configured> configured;
    private final String loopback;

    ProvinceKeys(List<Configured> configured) {
        this.configured = configured;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.loopback = HexFormat.of().formatHex(random);
    }

    String loopback() {
        return loopback;
    }

    /** The provinces a key stands for; empty for an unknown key. */
    Optional<Set<Province>> provincesOf(String key) {
        if (key == null || key.isEmpty() || key.length() > 200) {
            return Optional.empty();
        }
        if (MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), loopback.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(EnumSet.allOf(Province.class));
        }
        byte[] hash = sha256(key);
        for (Configured province : configured) {
            if (province.keySha256 != null
                    && MessageDigest.isEqual(hash, HexFormat.of().parseHex(province.keySha256.toLowerCase()))) {
                return Optional.of(EnumSet.of(Province.parse(province.code)));
            }
        }
        return Optional.empty();
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One province's key as the ministry is configured with it. */
    @EachProperty("icp.ministry.provinces")
    static final class Configured {
        private final String code;
        private String keySha256;

        Configured(@Parameter String code) {
            this.code = code;
        }

        public String getKeySha256() {
            return keySha256;
        }

        public void setKeySha256(String keySha256) {
            this.keySha256 = keySha256;
        }
    }
}
