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
}
