package icp.filing.application.usecase;

import icp.filing.application.port.Providers;
import icp.filing.domain.application.ProviderId;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Recognises a provider by its API key. Keys are high-entropy secrets, so an unsalted SHA-256 is enough to store. */
@Singleton
public final class AuthenticateProvider {
    private final Providers providers;

    public AuthenticateProvider(Providers providers) {
        this.providers = providers;
    }

    public Optional<ProviderId> byApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
            return Optional.empty();
        }
        return providers.findByApiKeySha256(sha256(apiKey.strip()));
    }

    /** The client certificate subject the provider is bound to, if any: its key alone then does not suffice. */
    public Optional<String> requiredCertificateSubject(ProviderId provider) {
        return providers.clientCertificateSubject(provider);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
