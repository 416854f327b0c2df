package icp.filing.adapters.ministry;

import icp.filing.application.port.Courier.DeliveryFailedException;
import icp.filing.application.port.Ministry;
import icp.filing.application.port.NationalChecks;
import icp.filing.application.port.NationalFiling;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.UnavailableException;
import icp.filing.domain.service.AppIdentity;
import icp.filing.proto.ministry.v1.CheckRegisteredRequest;
import icp.filing.proto.ministry.v1.CheckRegisteredResponse;
import icp.filing.proto.ministry.v1.MinistryRegistryServiceGrpc;
import icp.filing.proto.ministry.v1.UploadFilingRequest;
import icp.filing.proto.ministry.v1.UploadFilingResponse;
import icp.filing.proto.ministry.v1.UploadFilingsRequest;
import icp.filing.proto.ministry.v1.UploadFilingsResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The provincial side's client of the ministry: {@code icp.ministry.address} (host:port) with this province's key
 * {@code icp.ministry.key}; without an address, this process's own gRPC server on loopback with the loopback key
 * (the default single node, which runs the ministry side as well).
 */
@Singleton
final class GrpcMinistry implements Ministry {
    private static final Set<Status.Code> TRANSIENT = EnumSet.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.ABORTED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.UNKNOWN,
            Status.Code.INTERNAL, Status.Code.CANCELLED);

    private final String address;
    private final String key;
    private final boolean tls;
    private final Duration timeout;
    private final Provider<GrpcEmbeddedServer> ownServer;
    private final ProvinceKeys keys;
    private volatile ManagedChannel channel;

    GrpcMinistry(@Value("${icp.ministry.address:}") String address, @Value("${icp.ministry.key:}") String key,
                 @Value("${icp.ministry.tls:false}") boolean tls, @Value("${icp.ministry.timeout:10s}") Duration timeout,
                 Provider<GrpcEmbeddedServer> ownServer, ProvinceKeys keys) {
        this.address = address;
        this.key = key;
        this.tls = tls;
        this.timeout = timeout;
        this.ownServer = ownServer;
        this.keys = keys;
    }

    @Override
    public NationalFiling.Uploaded upload(NationalFiling filing) {
        try {
            UploadFilingResponse response = stub().uploadFiling(UploadFilingRequest.newBuilder()
                    .setFiling(NationalMessages.toMessage(filing)).build());
            return new NationalFiling.Uploaded(NationalFiling.Outcome.valueOf(response.getOutcome().name()
                    .substring("UPLOAD_OUTCOME_".length())), response.getRegisteredVersion());
        } catch (StatusRuntimeException e) {
            throw new DeliveryFailedException("ministry: " + e.getStatus().getCode() + " "
                    + e.getStatus().getDescription(), !TRANSIENT.contains(e.getStatus().getCode()), e);
        }
    }

    /**
     * A round in one call (UploadFilings): a refused filing fails for good alone. A call that fails as a whole (one
     * filing out of bounds or of another province, a round larger than the ministry takes in one message, the
     * ministry away) is sent again filing by filing, so that each filing gets its own outcome as {@link #upload}
     * gives it.
     */
    @Override
    public List<NationalFiling.Applied> uploadAll(List<NationalFiling> filings) {
        UploadFilingsResponse response;
        try {
            UploadFilingsRequest.Builder request = UploadFilingsRequest.newBuilder();
            filings.forEach(f -> request.addFilings(NationalMessages.toMessage(f)));
            response = stub().uploadFilings(request.build());
        } catch (StatusRuntimeException e) {
            return Ministry.super.uploadAll(filings);
        }
        if (response.getResultsCount() != filings.size()) {
            return Ministry.super.uploadAll(filings);
        }
        return response.getResultsList().stream().map(r -> r.getRefusedReason().isEmpty()
                ? new NationalFiling.Applied(new NationalFiling.Uploaded(NationalFiling.Outcome.valueOf(
                        r.getOutcome().name().substring("UPLOAD_OUTCOME_".length())), r.getRegisteredVersion()), null)
                : new NationalFiling.Applied(null, new DeliveryFailedException("ministry: " + r.getRefusedReason()
                        + " " + r.getRefusedMessage(), true, null))).toList();
    }

    NationalFiling.Registered check(Collection<String> registrableDomains, Collection<AppIdentity> apps,
                                    String subjectIdentitySha256) {
        try {
            CheckRegisteredResponse response = stub().checkRegistered(CheckRegisteredRequest.newBuilder()
                    .addAllRegistrableDomains(registrableDomains)
                    .addAllApps(apps.stream().map(NationalMessages::appKey).toList())
                    .setSubjectIdentitySha256(subjectIdentitySha256).build());
            Map<String, String> owners = new LinkedHashMap<>();
            response.getDomainsList().forEach(d -> owners.put(d.getRegistrableDomain(), d.getSubjectNumber()));
            Set<AppIdentity> filed = new HashSet<>();
            response.getFiledAppsList().forEach(a -> filed.add(NationalMessages.app(a)));
            return new NationalFiling.Registered(owners, filed, response.getSubjectFiled());
        } catch (StatusRuntimeException e) {
            throw new UnavailableException(Reason.MINISTRY_UNAVAILABLE, "部级备案库暂不可用，请稍后重试 / the ministry's "
                    + "register cannot be reached for the national checks (" + e.getStatus().getCode() + "); retry later");
        }
    }

    private MinistryRegistryServiceGrpc.MinistryRegistryServiceBlockingStub stub() {
        Metadata headers = new Metadata();
        headers.put(CallingProvinces.KEY, address.isEmpty() ? keys.loopback() : key);
        return MinistryRegistryServiceGrpc.newBlockingStub(channel())
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ManagedChannel channel() {
        ManagedChannel open = channel;
        if (open == null) {
            synchronized (this) {
                if (channel == null) {
                    String target = address.isEmpty() ? "127.0.0.1:" + ownServer.get().getPort() : address;
                    ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget(target);
                    channel = (tls ? builder.useTransportSecurity() : builder.usePlaintext()).build();
                }
                open = channel;
            }
        }
        return open;
    }

    @PreDestroy
    void close() {
        if (channel != null) {
            channel.shutdownNow();
        }
    }

    /** The national checks of a provincial node that holds only its own provinces (role {@code province}). */
    @Singleton
    @io.micronaut.context.annotation.Requires(property = "icp.node.role", value = "province")
    static final class Checks implements NationalChecks {
        private final GrpcMinistry ministry;

        Checks(GrpcMinistry ministry) {
            this.ministry = ministry;
        }

        @Override
        public NationalFiling.Registered check(Collection<String> registrableDomains, Collection<AppIdentity> apps,
                                               String subjectIdentitySha256) {
            return ministry.check(registrableDomains, apps, subjectIdentitySha256);
        }
    }
}
