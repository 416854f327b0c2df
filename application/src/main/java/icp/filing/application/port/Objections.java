package icp.filing.application.port;

import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.objection.Objection;
import java.util.List;
import java.util.Optional;

/** Stored objections (陈述申辩). */
public interface Objections {

    /**
     * @param province the province whose bureau answers it
     * @throws icp.filing.domain.error.AlreadyExistsException OBJECTION_OPEN when the decision has an open one
     */
    void add(Objection objection, Province province);

    /** @throws icp.filing.domain.error.ConcurrentUpdateException when it was answered meanwhile */
    void update(Objection objection);

    /** The objection, if it belongs to the province. */
    Optional<Objection> find(String id, Province province);

    /** The province's objections in a state, oldest first, at most 100. */
    List<Objection> listByProvince(Province province, Objection.State state);

    /** The provider's objections, newest first, at most 100. */
    List<Objection> listByProvider(ProviderId provider);
}
