package icp.filing.adapters.grpc;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Server reflection, so grpcurl and similar tools can call the API without the .proto files. */
@Factory
final class ReflectionServiceFactory {
    @Singleton
    BindableService reflection() {
        return ProtoReflectionServiceV1.newInstance();
    }
}
