package icp.filing.application.port;

import icp.filing.domain.application.ProviderId;
import java.util.Optional;

/** Registered access providers; only the SHA-256 of an API key is ever stored or compared. */
public interface Providers {
    Optional<ProviderId> findByApiKeySha256(String sha256Hex);
}
