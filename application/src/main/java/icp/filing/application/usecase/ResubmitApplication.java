package icp.filing.application.usecase;

import icp.filing.application.command.FilingChangeCommand;
import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.port.Applications;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Actor;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.FilingRequest;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.Violations;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.verification.SmsVerification;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * A returned application, corrected by its provider, goes back to the bureau under the same id: the correction
 * passes every rule a new submission passes, replaces what the application asks for, and the history keeps both the
 * return and the resubmission.
 */
@Singleton
public final class ResubmitApplication {
    private final ProviderApplications providerApplications;
    private final Applications applications;
    private final SubmissionChecks checks;
    private final PublicSuffixes publicSuffixes;
    private final Transactions transactions;
    private final Clock clock;
    private final ChangeRequests changeRequests;
    private final SmsStep smsStep;

    public ResubmitApplication(ProviderApplications providerApplications, Applications applications,
                               SubmissionChecks checks, PublicSuffixes publicSuffixes, Transactions transactions,
                               Clock clock, ChangeRequests changeRequests, SmsStep smsStep) {
        this.smsStep = smsStep;
        this.changeRequests = changeRequests;
        this.providerApplications = providerApplications;
        this.applications = applications;
        this.checks = checks;
        this.publicSuffixes = publicSuffixes;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Application resubmit(ProviderId provider, String applicationId, NewFilingCommand correction) {
        NewFilingCommand content = new NewFilingCommand(null, correction.subject(), correction.services());
        NewFilingAssembler.Assembled input = NewFilingAssembler.today(publicSuffixes, clock, new Violations())
                .assemble(content);
        return transactions.inTransaction(() -> {
            Application application = providerApplications.get(provider, applicationId);
            List<MaterialRef> materials = checks.check(provider, input);
            application.resubmit(Actor.provider(provider), clock.instant(),
                    new FilingRequest.NewFiling(input.subject(), input.services()), materials);
            SmsVerification.Started sms = smsStep.begin(application);
            applications.update(application);
            smsStep.storeAgain(application, sms);
            return application;
        });
    }

    /** A returned request about a filed subject, corrected; the correction passes every rule a submission does. */
    public Application resubmit(ProviderId provider, String applicationId, FilingChangeCommand correction) {
        FilingChangeCommand content = new FilingChangeCommand(null, correction.operation(), correction.number(),
                correction.subject(), correction.services(), correction.materialIds());
        return transactions.inTransaction(() -> {
            Application application = providerApplications.get(provider, applicationId);
            ChangeRequests.Request read = changeRequests.read(provider, content, new Violations());
            application.resubmit(Actor.provider(provider), clock.instant(), read.change(), read.materials());
            SmsVerification.Started sms = smsStep.begin(application);
            applications.update(application);
            smsStep.storeAgain(application, sms);
            return application;
        });
    }
}
