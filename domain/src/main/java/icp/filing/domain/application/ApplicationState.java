package icp.filing.domain.application;

/** Where an application stands. APPROVED, RETURNED and WITHDRAWN are final for this application. */
public enum ApplicationState {
    SUBMITTED, AWAITING_SMS_CONFIRMATION, IN_REVIEW, APPROVED, RETURNED, WITHDRAWN;

    /** An open application blocks another one for the same subject. */
    public boolean isOpen() {
        return this == SUBMITTED || this == AWAITING_SMS_CONFIRMATION || this == IN_REVIEW;
    }
}
