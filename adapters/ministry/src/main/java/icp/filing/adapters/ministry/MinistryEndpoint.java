package icp.filing.adapters.ministry;

import icp.filing.application.port.NationalFiling;
import icp.filing.application.usecase.MinistryRegistry;
import icp.filing.domain.error.Violations;
import icp.filing.proto.ministry.v1.CheckRegisteredRequest;
import icp.filing.proto.ministry.v1.CheckRegisteredResponse;
import icp.filing.proto.ministry.v1.DomainHolder;
import icp.filing.proto.ministry.v1.MinistryRegistryServiceGrpc;
import icp.filing.proto.ministry.v1.UploadFilingRequest;
import icp.filing.proto.ministry.v1.UploadFilingResponse;
import icp.filing.proto.ministry.v1.UploadOutcome;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The ministry's gRPC service (icp.ministry.v1), served by a node that runs the ministry side (the default single
 * node, or a ministry-only one); refusals travel as the provider API's do (one translating interceptor).
 */
@Singleton
@Requires(property = "icp.node.role", notEquals = "province")
final class MinistryEndpoint extends MinistryRegistryServiceGrpc.MinistryRegistryServiceImplBase {
    private final MinistryRegistry registry;

    MinistryEndpoint(MinistryRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void uploadFiling(UploadFilingRequest request, StreamObserver<UploadFilingResponse> responses) {
        NationalFiling.Uploaded uploaded = registry.upload(CallingProvinces.current(),
                NationalMessages.fromMessage(request.getFiling()));
        responses.onNext(UploadFilingResponse.newBuilder()
                .setOutcome(UploadOutcome.valueOf("UPLOAD_OUTCOME_" + uploaded.outcome().name()))
                .setRegisteredVersion(uploaded.registeredVersion()).build());
        responses.onCompleted();
    }

    @Override
    public void checkRegistered(CheckRegisteredRequest request, StreamObserver<CheckRegisteredResponse> responses) {
        CallingProvinces.current();
        Violations violations = new Violations();
        NationalMessages.list(violations, "registrable_domains", request.getRegistrableDomainsCount());
        NationalMessages.list(violations, "apps", request.getAppsCount());
        violations.throwIfAny();
        NationalFiling.Registered registered = registry.check(request.getRegistrableDomainsList(),
                request.getAppsList().stream().map(NationalMessages::app).toList(),
                request.getSubjectIdentitySha256());
        CheckRegisteredResponse.Builder response = CheckRegisteredResponse.newBuilder()
                .setSubjectFiled(registered.subjectFiled());
        registered.domainOwners().forEach((domain, owner) -> response.addDomains(DomainHolder.newBuilder()
                .setRegistrableDomain(domain).setSubjectNumber(owner)));
        registered.filedApps().forEach(app -> response.addFiledApps(NationalMessages.appKey(app)));
        responses.onNext(response.build());
        responses.onCompleted();
    }
}
