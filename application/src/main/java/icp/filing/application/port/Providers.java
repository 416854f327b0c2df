package icp.filing.application.port;

import icp.filing.domain.application.ProviderId;
import java.util.Optional;

/** Registered access providers; only the SHA-256 of an API key is ever stored or compared. */
public interface Providers {
    Optional<ProviderId> findByApiKeySha256(String sha256Hex);

    /**
     * The subject (an X.500 name such as {@code CN=cloud.example,O=Example}) of the client certificate the provider
     * must present with its key, when the provider is bound to one.
     */
    Optional<String> clientCertificateSubject(ProviderId provider);
}
