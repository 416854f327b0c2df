package icp.filing.application.port;

import icp.filing.domain.common.Province;
import icp.filing.domain.service.AppIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A filing as the national register (部侧) keeps it: what the public query shows and what the national checks need.
 * The subject is known by the SHA-256 of its identity, not by its certificate number.
 */
public record NationalFiling(String subjectNumber, long version, Province province, String subjectIdentitySha256,
                             boolean filed, String subjectName, boolean person, String natureName,
                             List<Service> services) {
    public NationalFiling {
        Objects.requireNonNull(subjectNumber, "subjectNumber");
        Objects.requireNonNull(province, "province");
        services = List.copyOf(services);
    }

    /** A service of it, filed or not any more. */
    public record Service(String number, icp.filing.domain.service.ServiceKind kind, String name, boolean filed,
                          List<String> domains, List<String> registrableDomains, String homeUrl, AppIdentity app,
                          Instant approvedAt, List<String> preApprovals) {
        public Service {
            domains = List.copyOf(domains);
            registrableDomains = List.copyOf(registrableDomains);
            preApprovals = List.copyOf(preApprovals);
        }
    }

    /** What the register did with an upload. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        STALE
    }

    /** One upload of a round: how it was applied, or why not ({@code refused} then not null). */
    public record Applied(Uploaded uploaded, RuntimeException refused) {
        /**
         * A round taken one filing at a time: each one's outcome, or the refusal (an exception of {@code refusal}'s
         * type) it met; any other exception is thrown.
         */
        public static <E extends RuntimeException> java.util.List<Applied> each(java.util.List<NationalFiling> filings,
                java.util.function.Function<NationalFiling, Uploaded> upload, Class<E> refusal) {
            java.util.List<Applied> applied = new java.util.ArrayList<>(filings.size());
            for (NationalFiling filing : filings) {
                try {
                    applied.add(new Applied(upload.apply(filing), null));
                } catch (RuntimeException e) {
                    if (!refusal.isInstance(e)) {
                        throw e;
                    }
                    applied.add(new Applied(null, e));
                }
            }
            return applied;
        }
    }

    /** The outcome and the version the register holds afterwards. */
    public record Uploaded(Outcome outcome, long registeredVersion) {
    }

    /** What the national checks found: registrable domains filed (with their subject), APPs filed, the subject. */
    public record Registered(java.util.Map<String, String> domainOwners, java.util.Set<AppIdentity> filedApps,
                             boolean subjectFiled) {
    }
}
