package icp.filing.application.usecase;

/**
 * Limits set by configuration rather than law.
 *
 * @param maxSubjectsPerPrincipal how many subjects one principal certificate or phone may serve; providers
 *                                report that bureaus refuse filings past a handful
 */
public record SubmissionLimits(int maxSubjectsPerPrincipal) {
    public SubmissionLimits {
        if (maxSubjectsPerPrincipal < 1) {
            throw new IllegalArgumentException("maxSubjectsPerPrincipal must be at least 1");
        }
    }
}
