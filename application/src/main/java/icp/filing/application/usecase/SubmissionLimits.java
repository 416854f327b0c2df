package icp.filing.application.usecase;

/**
 * Limits set by configuration rather than law.
 *
 * @param maxSubjectsPerPrincipal how many subjects one principal certificate or phone may serve; providers
 *                                report that bureaus refuse filings past a handful
 * @param maxMaterialBytes        the largest verification material accepted
 */
public record SubmissionLimits(int maxSubjectsPerPrincipal, long maxMaterialBytes) {
    public SubmissionLimits {
        if (maxSubjectsPerPrincipal < 1 || maxMaterialBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
