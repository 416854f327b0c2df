package icp.filing.domain.application;

/** Where an application stands. APPROVED, RETURNED and WITHDRAWN are final for this application. */
public enum ApplicationState {
    SUBMITTED("已提交"), AWAITING_SMS_CONFIRMATION("待短信核验"), IN_REVIEW("审核中"), APPROVED("已通过"),
    RETURNED("已退回"), WITHDRAWN("已撤回");

    private final String chineseName;

    ApplicationState(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** An open application blocks another one for the same subject. */
    public boolean isOpen() {
        return this == SUBMITTED || this == AWAITING_SMS_CONFIRMATION || this == IN_REVIEW;
    }
}
