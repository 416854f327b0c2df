package icp.filing.application.usecase;

import icp.filing.domain.common.Province;
import java.util.EnumSet;
import java.util.Set;

/**
 * The provinces whose bureaus this node serves ({@code icp.node.provinces}; every province by default). A new filing
 * of a subject at home elsewhere belongs to that province's node.
 */
public record ServedProvinces(Set<Province> provinces) {
    public ServedProvinces {
        provinces = provinces.isEmpty() ? EnumSet.allOf(Province.class) : EnumSet.copyOf(provinces);
    }

    public static ServedProvinces all() {
        return new ServedProvinces(Set.of());
    }

    public boolean serves(Province province) {
        return provinces.contains(province);
    }
}
