package icp.filing.adapters.ministry;

import icp.filing.application.port.NationalFiling;
import icp.filing.application.usecase.MinistryRegistry;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.FilingException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.proto.ministry.v1.CheckRegisteredRequest;
import icp.filing.proto.ministry.v1.CheckRegisteredResponse;
import icp.filing.proto.ministry.v1.DomainHolder;
import icp.filing.proto.ministry.v1.MinistryRegistryServiceGrpc;
import icp.filing.proto.ministry.v1.UploadFilingRequest;
import icp.filing.proto.ministry.v1.UploadFilingResponse;
import icp.filing.proto.ministry.v1.UploadFilingResult;
import icp.filing.proto.ministry.v1.UploadFilingsRequest;
import icp.filing.proto.ministry.v1.UploadFilingsResponse;
import icp.filing.proto.ministry.v1.UploadOutcome;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
    public void uploadFilings(UploadFilingsRequest request, StreamObserver<UploadFilingsResponse> responses) {
        Set<Province> callers = CallingProvinces.current();
        Violations violations = new Violations();
        NationalMessages.list(violations, "filings", request.getFilingsCount());
        if (request.getFilingsCount() == 0) {
            violations.add("filings", Reason.REQUIRED, "at least one filing");
        }
        violations.throwIfAny();
        List<NationalFiling> filings = new ArrayList<>(request.getFilingsCount());
        for (int i = 0; i < request.getFilingsCount(); i++) {
            filings.add(NationalMessages.fromMessage("filings[" + i + "]", request.getFilings(i)));
        }
        List<NationalFiling.Applied> applied = registry.uploadAll(callers, filings);
        UploadFilingsResponse.Builder response = UploadFilingsResponse.newBuilder();
        for (NationalFiling.Applied one : applied) {
            UploadFilingResult.Builder result = UploadFilingResult.newBuilder();
            if (one.refused() instanceof FilingException refused) {
                result.setRefusedReason(refused.reason().name()).setRefusedMessage(refused.getMessage());
            } else if (one.refused() != null) {
                throw one.refused();
            } else {
                result.setOutcome(UploadOutcome.valueOf("UPLOAD_OUTCOME_" + one.uploaded().outcome().name()))
                        .setRegisteredVersion(one.uploaded().registeredVersion());
            }
            response.addResults(result);
        }
        responses.onNext(response.build());
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
