package icp.filing.application.port;

import icp.filing.domain.application.ProviderId;
import icp.filing.domain.material.Material;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialKind;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stored verification materials: their description and their bytes, kept together and never public. */
public interface Materials {
    /** Stores the description and the bytes together, reading the content once as a stream. */
    void add(Material material, MaterialContent content);

    List<Material> findAll(Collection<MaterialId> ids);

    /** The provider's own material of this kind whose bytes have this SHA-256, if it uploaded one before. */
    Optional<Material> findByContent(ProviderId provider, MaterialKind kind, String sha256);

    Optional<byte[]> content(MaterialId id);
}
