package icp.filing.adapters.persistence;

import icp.filing.application.port.MaterialContent;
import icp.filing.application.port.Materials;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.material.Material;
import icp.filing.domain.material.MaterialFormat;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialKind;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Materials in MariaDB; descriptions are read without the bytes (a projection), which are fetched only for a download.
 * The insert alone is a statement of its own: it streams the bytes from wherever the upload waits into the BLOB, which
 * a repository's save, binding a {@code byte[]}, cannot (a second copy of up to the size limit in memory per upload).
 */
@Singleton
@Connectable
class JdbcMaterials implements Materials {
    private final JdbcOperations jdbc;
    private final MaterialRepository materials;

    JdbcMaterials(JdbcOperations jdbc, MaterialRepository materials) {
        this.jdbc = jdbc;
        this.materials = materials;
    }

    @Override
    public void add(Material material, MaterialContent content) {
        jdbc.prepareStatement("""
                INSERT INTO material (id, provider_id, kind, format, size_bytes, sha256, uploaded_at, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            try {
                ps.setString(1, material.id().value());
                ps.setString(2, material.provider().value());
                ps.setString(3, material.kind().name());
                ps.setString(4, material.format().name());
                ps.setLong(5, material.sizeBytes());
                ps.setString(6, material.sha256());
                ps.setObject(7, UtcColumns.column(material.uploadedAt()));
                try (InputStream bytes = content.open()) {
                    // streamed from wherever the upload waits; never a second copy in memory
                    ps.setBinaryStream(8, bytes, content.size());
                    return ps.executeUpdate();
                }
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot store material", e);
            }
        });
    }

    @Override
    public List<Material> findAll(Collection<MaterialId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return materials.findByIdIn(ids.stream().map(MaterialId::value).distinct().toList()).stream()
                .map(JdbcMaterials::material).toList();
    }

    @Override
    public Optional<Material> findByContent(ProviderId provider, MaterialKind kind, String sha256) {
        return materials.findFirstByProviderIdAndKindAndSha256OrderByUploadedAt(provider.value(), kind.name(), sha256)
                .map(JdbcMaterials::material);
    }

    private static Material material(MaterialDescription d) {
        return new Material(new MaterialId(d.id()), new ProviderId(d.providerId()), MaterialKind.valueOf(d.kind()),
                MaterialFormat.valueOf(d.format()), d.sizeBytes(), d.sha256(), UtcColumns.instant(d.uploadedAt()));
    }

    @Override
    public Optional<byte[]> content(MaterialId id) {
        return materials.findById(id.value()).map(MaterialRepository.MaterialBytes::content);
    }
}
