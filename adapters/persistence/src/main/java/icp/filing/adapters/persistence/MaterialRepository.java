package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Materials' descriptions and, for a download, their bytes; the insert streams the bytes ({@link JdbcMaterials}). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface MaterialRepository extends GenericRepository<MaterialRow, String> {

    List<MaterialDescription> findByIdIn(Collection<String> ids);

    /** The first upload of these bytes as this kind by this provider (index ix_material_content). */
    Optional<MaterialDescription> findFirstByProviderIdAndKindAndSha256OrderByUploadedAt(String providerId,
                                                                                        String kind, String sha256);

    /** The bytes alone, for a download. */
    Optional<MaterialBytes> findById(String id);

    /** A projection of {@link MaterialRow} to its bytes. */
    @io.micronaut.core.annotation.Introspected
    record MaterialBytes(byte[] content) {
    }
}
