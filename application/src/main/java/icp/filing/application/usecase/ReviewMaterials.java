package icp.filing.application.usecase;

import icp.filing.application.port.Materials;
import icp.filing.application.port.ReadRecords;
import icp.filing.domain.application.Application;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.material.Material;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialRef;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A reviewer reads the materials of an application of their province, and only those: a material is reachable
 * through an application that references it, never by id alone.
 */
@Singleton
public final class ReviewMaterials {
    private final ReviewQueue queue;
    private final Materials materials;

    public ReviewMaterials(ReviewQueue queue, Materials materials) {
        this.queue = queue;
        this.materials = materials;
    }

    /** A referenced material with what the store knows of it. */
    public record Listed(MaterialRef ref, Material material) {
    }

    /** A material's description and bytes. */
    public record Download(Material material, byte[] content) {
    }

    public List<Listed> list(Reviewer reviewer, String applicationId) {
        Application application = queue.get(reviewer, applicationId);
        Map<MaterialId, Material> stored = materials.findAll(application.materials().stream().map(MaterialRef::id)
                .toList()).stream().collect(Collectors.toMap(Material::id, Function.identity()));
        return application.materials().stream().filter(r -> stored.containsKey(r.id()))
                .map(r -> new Listed(r, stored.get(r.id()))).toList();
    }

    public Download download(Reviewer reviewer, String applicationId, String materialId) {
        Application application = queue.get(reviewer, applicationId);
        MaterialId id;
        try {
            id = new MaterialId(materialId);
        } catch (RuntimeException e) {
            throw notFound(materialId);
        }
        boolean referenced = application.materials().stream().anyMatch(r -> r.id().equals(id));
        if (!referenced) {
            throw notFound(materialId);
        }
        Material material = materials.findAll(List.of(id)).stream().findFirst().orElseThrow(() -> notFound(materialId));
        byte[] content = materials.content(id).orElseThrow(() -> notFound(materialId));
        queue.record(reviewer, application, ReadRecords.Subject.MATERIAL, id.value());
        return new Download(material, content);
    }

    private static NotFoundException notFound(String materialId) {
        return new NotFoundException(Reason.MATERIAL_NOT_FOUND, "该申请没有此材料 / no material " + Text.excerpt(materialId)
                + " in this application");
    }
}
