package icp.filing.application.usecase;

import icp.filing.application.port.Materials;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.material.Material;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialKind;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.material.MaterialRequirements;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves the material ids of a submission: each must be the caller's own upload, sit with the right owner
 * (subject or service), and together they must cover every required kind. Missing kinds are named.
 */
@Singleton
public final class MaterialChecks {
    private final Materials materials;

    public MaterialChecks(Materials materials) {
        this.materials = materials;
    }

    /** @param serviceRequirements the kinds each service must carry, by position */
    List<MaterialRef> resolve(ProviderId provider, NewFilingAssembler.Assembled input,
                              List<Set<MaterialKind>> serviceRequirements, Violations violations) {
        List<MaterialId> all = Stream.concat(input.subjectMaterials().stream(),
                input.serviceMaterials().stream().flatMap(List::stream)).distinct().toList();
        Map<MaterialId, Material> owned = materials.findAll(all).stream()
                .filter(m -> m.provider().equals(provider))
                .collect(Collectors.toMap(Material::id, Function.identity()));
        List<MaterialRef> refs = new ArrayList<>(resolveOwner(input.subjectPath() + ".material_ids", null,
                input.subjectMaterials(), input.subjectRequirements(), owned, violations));
        for (int i = 0; i < input.services().size(); i++) {
            refs.addAll(resolveOwner(input.servicePaths().get(i) + ".material_ids", i, input.serviceMaterials().get(i),
                    serviceRequirements.get(i), owned, violations));
        }
        return refs;
    }

    private static List<MaterialRef> resolveOwner(String field, Integer position, List<MaterialId> ids,
                                                  Set<MaterialKind> required, Map<MaterialId, Material> owned,
                                                  Violations violations) {
        List<MaterialRef> refs = new ArrayList<>();
        MaterialKind.Owner owner = position == null ? MaterialKind.Owner.SUBJECT : MaterialKind.Owner.SERVICE;
        for (int i = 0; i < ids.size(); i++) {
            Material material = owned.get(ids.get(i));
            if (material == null) {
                violations.add(field + "[" + i + "]", Reason.MATERIAL_NOT_FOUND, "没有此材料 / no material " + ids.get(i));
            } else if (material.kind().owner() != owner) {
                violations.add(field + "[" + i + "]", Reason.MATERIAL_KIND_MISPLACED,
                        material.kind().chineseName() + " 不属于此处 / belongs to the " + material.kind().owner());
            } else {
                refs.add(new MaterialRef(position, material.kind(), material.id()));
            }
        }
        for (MaterialKind kind : MaterialRequirements.missing(required, refs.stream().map(MaterialRef::kind).toList())) {
            violations.add(field, Reason.MATERIALS_INCOMPLETE, "缺少" + kind.chineseName() + " / missing " + kind);
        }
        return refs;
    }
}
