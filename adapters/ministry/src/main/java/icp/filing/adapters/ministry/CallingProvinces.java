package icp.filing.adapters.ministry;

import icp.filing.domain.common.Province;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import icp.filing.proto.ministry.v1.MinistryRegistryServiceGrpc;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/** Authenticates calls to the ministry by the province key (metadata {@code x-province-key}). */
@Singleton
@Order(20)
final class CallingProvinces implements ServerInterceptor {
    static final Metadata.Key<String> KEY = Metadata.Key.of("x-province-key", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Set<Province>> PROVINCES = Context.key("icp-provinces");

    private final ProvinceKeys keys;

    CallingProvinces(ProvinceKeys keys) {
        this.keys = keys;
    }

    /** The provinces the current call's key stands for. */
    static Set<Province> current() {
        Set<Province> provinces = PROVINCES.get();
        if (provinces == null) {
            throw new IllegalStateException("call reached the ministry without authentication");
        }
        return provinces;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                        ServerCallHandler<Q, R> next) {
        if (!MinistryRegistryServiceGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        Optional<Set<Province>> provinces = keys.provincesOf(headers.get(KEY));
        if (provinces.isEmpty()) {
            call.close(Status.UNAUTHENTICATED.withDescription(
                    "缺少或未知的省级密钥 / missing or unknown province key: send it as metadata x-province-key"),
                    new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(PROVINCES, provinces.get()), call, headers, next);
    }
}
