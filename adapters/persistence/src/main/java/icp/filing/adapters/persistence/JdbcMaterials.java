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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Materials in MariaDB; descriptions are read without the bytes, which are fetched only for a download. */
@Singleton
@Connectable
class JdbcMaterials implements Materials {
    private final JdbcOperations jdbc;

    JdbcMaterials(JdbcOperations jdbc) {
        this.jdbc = jdbc;
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
        return Sql.query(jdbc, described(ids.size()), JdbcMaterials::material,
                ids.stream().map(MaterialId::value).toArray());
    }

    /** The descriptions of {@code count} materials by id, read by {@link #material}. */
    static String described(int count) {
        return "SELECT id, provider_id, kind, format, size_bytes, sha256, uploaded_at FROM material WHERE id IN ("
                + Sql.marks(count) + ")";
    }

    static Material material(ResultSet rs) throws SQLException {
        return new Material(new MaterialId(rs.getString(1)), new ProviderId(rs.getString(2)),
                MaterialKind.valueOf(rs.getString(3)), MaterialFormat.valueOf(rs.getString(4)), rs.getLong(5),
                rs.getString(6), UtcColumns.instant(rs.getObject(7, LocalDateTime.class)));
    }

    @Override
    public Optional<Material> findByContent(ProviderId provider, MaterialKind kind, String sha256) {
        return Sql.query(jdbc, "SELECT id, provider_id, kind, format, size_bytes, sha256, uploaded_at FROM material "
                        + "WHERE provider_id = ? AND kind = ? AND sha256 = ? ORDER BY uploaded_at LIMIT 1",
                JdbcMaterials::material, provider.value(), kind.name(), sha256).stream().findFirst();
    }

    @Override
    public Optional<byte[]> content(MaterialId id) {
        return jdbc.prepareStatement("SELECT content FROM material WHERE id = ?", ps -> {
            try {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read material content", e);
            }
        });
    }
}
