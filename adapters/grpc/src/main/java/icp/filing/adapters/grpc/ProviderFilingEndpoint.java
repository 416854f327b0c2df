package icp.filing.adapters.grpc;

import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import icp.filing.application.usecase.ObjectionDesk;
import icp.filing.application.usecase.ProviderApplications;
import icp.filing.application.usecase.ProviderFilings;
import icp.filing.application.usecase.ResendVerification;
import icp.filing.application.usecase.ReviewPeriod;
import icp.filing.application.usecase.ResubmitApplication;
import icp.filing.application.usecase.SubmitApplication;
import icp.filing.application.usecase.SubmitChange;
import icp.filing.application.usecase.UploadMaterial;
import icp.filing.application.usecase.WithdrawApplication;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.filing.Filing;
import icp.filing.proto.provider.v1.CancelAccessRequest;
import icp.filing.proto.provider.v1.CancelAccessResponse;
import icp.filing.proto.provider.v1.ChangeAccessRequest;
import icp.filing.proto.provider.v1.ChangeAccessResponse;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import icp.filing.proto.provider.v1.GetApplicationResponse;
import icp.filing.proto.provider.v1.GetFilingRequest;
import icp.filing.proto.provider.v1.GetFilingResponse;
import icp.filing.proto.provider.v1.ListApplicationsRequest;
import icp.filing.proto.provider.v1.ListApplicationsResponse;
import icp.filing.proto.provider.v1.ListObjectionsRequest;
import icp.filing.proto.provider.v1.ListObjectionsResponse;
import icp.filing.proto.provider.v1.LodgeObjectionRequest;
import icp.filing.proto.provider.v1.LodgeObjectionResponse;
import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc;
import icp.filing.proto.provider.v1.ResendVerificationRequest;
import icp.filing.proto.provider.v1.ResendVerificationResponse;
import icp.filing.proto.provider.v1.ResubmitApplicationRequest;
import icp.filing.proto.provider.v1.ResubmitApplicationResponse;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import icp.filing.proto.provider.v1.SubmitApplicationResponse;
import icp.filing.proto.provider.v1.UploadMaterialRequest;
import icp.filing.proto.provider.v1.UploadMaterialResponse;
import icp.filing.proto.provider.v1.WithdrawApplicationRequest;
import icp.filing.proto.provider.v1.WithdrawApplicationResponse;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The provider RPCs: translate, call one use case, translate back. Errors are left to {@link ErrorTranslatingInterceptor}. */
@Singleton
// a ministry-only node serves the national register, not providers
@io.micronaut.context.annotation.Requires(property = "icp.node.role", notEquals = "ministry")
final class ProviderFilingEndpoint implements ProviderFilingServiceGrpc.AsyncService, BindableService {
    private final SubmitApplication submitApplication;
    private final ProviderApplications providerApplications;
    private final UploadMaterial uploadMaterial;
    private final ProviderRequestMapper requests;
    private final UploadSlots uploadSlots;
    private final WithdrawApplication withdrawApplication;
    private final ResubmitApplication resubmitApplication;
    private final SubmitChange submitChange;
    private final ProviderFilings providerFilings;
    private final ResendVerification resendVerification;
    private final ObjectionDesk objections;
    private final ResultStreams results;

    private final ReviewPeriod period;

    ProviderFilingEndpoint(SubmitApplication submitApplication, ProviderApplications providerApplications,
                           UploadMaterial uploadMaterial, ProviderRequestMapper requests, UploadSlots uploadSlots,
                           WithdrawApplication withdrawApplication, ResubmitApplication resubmitApplication,
                           SubmitChange submitChange, ProviderFilings providerFilings,
                           ResendVerification resendVerification, ObjectionDesk objections,
                           ResultStreams results, ReviewPeriod period) {
        this.period = period;
        this.results = results;
        this.objections = objections;
        this.resendVerification = resendVerification;
        this.submitChange = submitChange;
        this.providerFilings = providerFilings;
        this.withdrawApplication = withdrawApplication;
        this.resubmitApplication = resubmitApplication;
        this.uploadSlots = uploadSlots;
        this.submitApplication = submitApplication;
        this.providerApplications = providerApplications;
        this.uploadMaterial = uploadMaterial;
        this.requests = requests;
    }

    /** Bound with lenient request parsing, so a malformed request is answered INVALID_ARGUMENT. */
    @Override
    public ServerServiceDefinition bindService() {
        return LenientParsing.wrap(ProviderFilingServiceGrpc.bindService(this));
    }

    @Override
    public StreamObserver<UploadMaterialRequest> uploadMaterial(StreamObserver<UploadMaterialResponse> responses) {
        return new MaterialUploadObserver(CallingProvider.current(), uploadMaterial, responses, uploadSlots);
    }

    @Override
    public void submitApplication(SubmitApplicationRequest request,
                                  StreamObserver<SubmitApplicationResponse> responses) {
        RequestBounds.check(request);
        boolean change = isChange(request);
        ProviderId provider = CallingProvider.current();
        if (request.getValidateOnly()) {
            Application wouldBe = change ? submitChange.validate(provider, requests.toChangeCommand(request))
                    : submitApplication.validate(provider, requests.toCommand(request));
            responses.onNext(SubmitApplicationResponse.newBuilder()
                    .setApplication(ApplicationMessages.toMessage(wouldBe).toBuilder().clearId()).build());
            responses.onCompleted();
            return;
        }
        Application application = change ? submitChange.submit(provider, requests.toChangeCommand(request))
                : submitApplication.submit(provider, requests.toCommand(request));
        responses.onNext(SubmitApplicationResponse.newBuilder()
                .setApplication(ApplicationMessages.toMessage(application, period)).build());
        responses.onCompleted();
    }

    @Override
    public void getApplication(GetApplicationRequest request, StreamObserver<GetApplicationResponse> responses) {
        RequestBounds.check(request);
        Application application = providerApplications.get(CallingProvider.current(), request.getApplicationId());
        responses.onNext(GetApplicationResponse.newBuilder()
                .setApplication(ApplicationMessages.toMessage(application, period)).build());
        responses.onCompleted();
    }

    @Override
    public void listApplications(ListApplicationsRequest request, StreamObserver<ListApplicationsResponse> responses) {
        Optional<ApplicationState> state = stateFilter(request);
        PageRequest pageRequest = PageRequest.of(request.getPage(), request.getPageSize());
        Page<Application> page = providerApplications.list(CallingProvider.current(), state, pageRequest);
        ListApplicationsResponse.Builder response = ListApplicationsResponse.newBuilder()
                .setPage(page.page()).setPageSize(page.size()).setTotal(page.total());
        page.items().forEach(a -> response.addApplications(ApplicationMessages.toMessage(a, period)));
        responses.onNext(response.build());
        responses.onCompleted();
    }

    @Override
    public void withdrawApplication(WithdrawApplicationRequest request,
                                    StreamObserver<WithdrawApplicationResponse> responses) {
        RequestBounds.check(request);
        Application application = withdrawApplication.withdraw(CallingProvider.current(), request.getApplicationId(),
                request.getComment());
        responses.onNext(WithdrawApplicationResponse.newBuilder()
                .setApplication(ApplicationMessages.toMessage(application, period)).build());
        responses.onCompleted();
    }

    @Override
    public void resubmitApplication(ResubmitApplicationRequest request,
                                    StreamObserver<ResubmitApplicationResponse> responses) {
        RequestBounds.check(request);
        SubmitApplicationRequest correction = Resubmissions.correction(request);
        ProviderId provider = CallingProvider.current();
        Application application = isChange(correction)
                ? resubmitApplication.resubmit(provider, request.getApplicationId(), requests.toChangeCommand(correction))
                : resubmitApplication.resubmit(provider, request.getApplicationId(), requests.toCommand(correction));
        responses.onNext(ResubmitApplicationResponse.newBuilder()
                .setApplication(ApplicationMessages.toMessage(application, period)).build());
        responses.onCompleted();
    }

    private static Optional<ApplicationState> stateFilter(ListApplicationsRequest request) {
        if (request.getStateValue() == 0) {
            return Optional.empty();
        }
        if (request.getState() == icp.filing.proto.provider.v1.ApplicationState.UNRECOGNIZED) {
            throw InvalidInputException.of("state", Reason.UNKNOWN_CODE, "unknown state " + request.getStateValue());
        }
        return Optional.of(ApplicationState.valueOf(request.getState().name().substring("APPLICATION_STATE_".length())));
    }

    private static boolean isChange(SubmitApplicationRequest request) {
        return request.getRequestCase() != SubmitApplicationRequest.RequestCase.NEW_FILING
                && request.getRequestCase() != SubmitApplicationRequest.RequestCase.REQUEST_NOT_SET;
    }

    @Override
    public void changeAccess(ChangeAccessRequest request, StreamObserver<ChangeAccessResponse> responses) {
        RequestBounds.check(request);
        ProviderId provider = CallingProvider.current();
        Filing filing = providerFilings.changeAccess(provider, request.getServiceNumber(),
                request.hasAccess() ? requests.toInput(request.getAccess()) : null);
        responses.onNext(ChangeAccessResponse.newBuilder().setFiling(FilingMessages.toMessage(filing, provider, providerFilings.record(provider, filing)))
                .build());
        responses.onCompleted();
    }

    @Override
    public void cancelAccess(CancelAccessRequest request, StreamObserver<CancelAccessResponse> responses) {
        RequestBounds.check(request);
        ProviderId provider = CallingProvider.current();
        var response = CancelAccessResponse.newBuilder();
        providerFilings.cancelAccess(provider, request.getServiceNumber())
                .ifPresent(f -> response.setFiling(FilingMessages.toMessage(f, provider, providerFilings.record(provider, f))));
        responses.onNext(response.build());
        responses.onCompleted();
    }

    @Override
    public void getFiling(GetFilingRequest request, StreamObserver<GetFilingResponse> responses) {
        RequestBounds.check(request);
        ProviderId provider = CallingProvider.current();
        Filing filing = providerFilings.get(provider, request.getSubjectNumber());
        responses.onNext(GetFilingResponse.newBuilder().setFiling(FilingMessages.toMessage(filing, provider, providerFilings.record(provider, filing))).build());
        responses.onCompleted();
    }

    @Override
    public void resendVerification(ResendVerificationRequest request,
                                   StreamObserver<ResendVerificationResponse> responses) {
        RequestBounds.check(request);
        Application application = resendVerification.resend(CallingProvider.current(), request.getApplicationId());
        responses.onNext(ResendVerificationResponse.newBuilder()
                .setApplication(ApplicationMessages.toMessage(application, period)).build());
        responses.onCompleted();
    }

    @Override
    public void lodgeObjection(LodgeObjectionRequest request, StreamObserver<LodgeObjectionResponse> responses) {
        RequestBounds.check(request);
        ProviderId provider = CallingProvider.current();
        icp.filing.domain.objection.Objection lodged = request.getAgainstCase()
                == LodgeObjectionRequest.AgainstCase.REVOKED_NUMBER
                ? objections.againstRevocation(provider, request.getRevokedNumber(), request.getStatement())
                : objections.againstReturn(provider, request.getApplicationId(), request.getStatement());
        responses.onNext(LodgeObjectionResponse.newBuilder().setObjection(objection(lodged)).build());
        responses.onCompleted();
    }

    @Override
    public void listObjections(ListObjectionsRequest request, StreamObserver<ListObjectionsResponse> responses) {
        var answer = ListObjectionsResponse.newBuilder();
        objections.ofProvider(CallingProvider.current()).forEach(o -> answer.addObjections(objection(o)));
        responses.onNext(answer.build());
        responses.onCompleted();
    }

    private static icp.filing.proto.provider.v1.Objection objection(icp.filing.domain.objection.Objection o) {
        var message = icp.filing.proto.provider.v1.Objection.newBuilder().setId(o.id()).setAgainst(o.against().name())
                .setTarget(o.target()).setStatement(o.statement()).setState(o.state().name())
                .setAnswer(o.answer().orElse(""))
                .setLodgedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(o.lodgedAt().getEpochSecond())
                        .setNanos(o.lodgedAt().getNano()));
        o.answeredAt().ifPresent(at -> message.setAnsweredAt(com.google.protobuf.Timestamp.newBuilder()
                .setSeconds(at.getEpochSecond()).setNanos(at.getNano())));
        return message.build();
    }

    @Override
    public void listResults(icp.filing.proto.provider.v1.ListResultsRequest request,
                            StreamObserver<icp.filing.proto.provider.v1.ListResultsResponse> responses) {
        RequestBounds.check(request);
        responses.onNext(results.list(CallingProvider.current(), request));
        responses.onCompleted();
    }

    @Override
    public void watchResults(icp.filing.proto.provider.v1.WatchResultsRequest request,
                             StreamObserver<icp.filing.proto.provider.v1.ResultEvent> responses) {
        RequestBounds.check(request);
        results.watch(CallingProvider.current(), request, responses);
    }
}
