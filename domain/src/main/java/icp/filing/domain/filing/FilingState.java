package icp.filing.domain.filing;

/**
 * Where a subject or one of its services stands in the register. Only FILED shows in the public query; CANCELLED
 * (注销, asked for by the subject) and REVOKED (撤销, decided by the bureau) are final, and their numbers are never
 * issued again.
 */
public enum FilingState {
    FILED("已备案"), CANCELLED("已注销"), REVOKED("已撤销");

    private final String chineseName;

    FilingState(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
