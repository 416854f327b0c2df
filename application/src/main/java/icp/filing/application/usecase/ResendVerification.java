package icp.filing.application.usecase;

import icp.filing.application.port.SmsVerifications;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.verification.SmsVerification;
import jakarta.inject.Singleton;

/** 重发短信: the provider asks for new codes for the principals who have not confirmed yet; at most twice. */
@Singleton
public final class ResendVerification {
    private final ProviderApplications providerApplications;
    private final SmsVerifications verifications;
    private final SmsStep smsStep;
    private final Transactions transactions;

    public ResendVerification(ProviderApplications providerApplications, SmsVerifications verifications,
                              SmsStep smsStep, Transactions transactions) {
        this.providerApplications = providerApplications;
        this.verifications = verifications;
        this.smsStep = smsStep;
        this.transactions = transactions;
    }

    public Application resend(ProviderId provider, String applicationId) {
        return transactions.inTransaction(() -> {
            Application application = providerApplications.get(provider, applicationId);
            SmsVerification verification = verifications.find(application.id())
                    .filter(v -> v.state() == SmsVerification.State.PENDING)
                    .orElseThrow(() -> new StateConflictException(Reason.SMS_NOT_PENDING,
                            "申请不在短信核验中 / application " + application.id() + " is " + application.state()));
            smsStep.resend(application, verification);
            return application;
        });
    }
}
