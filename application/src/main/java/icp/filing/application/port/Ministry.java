package icp.filing.application.port;

/**
 * The ministry as a provincial node reaches it (over icp.ministry.v1, on loopback in the default single node): the
 * uploads of the province's filings.
 */
public interface Ministry {
    /**
     * @throws Courier.DeliveryFailedException when the ministry cannot be reached (transient) or refuses the filing
     *                                         (permanent: another filing holds what it files)
     */
    NationalFiling.Uploaded upload(NationalFiling filing);

    /**
     * A round of uploads in one call, answered in order: each one's outcome, or the
     * {@link Courier.DeliveryFailedException} {@link #upload} would have thrown for it (in {@code refused}).
     */
    default java.util.List<NationalFiling.Applied> uploadAll(java.util.List<NationalFiling> filings) {
        return NationalFiling.Applied.each(filings, this::upload, Courier.DeliveryFailedException.class);
    }
}
