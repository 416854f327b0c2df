package icp.filing.adapters.grpc;

import icp.filing.domain.application.ProviderId;
import io.grpc.Context;

/** The authenticated provider of the current call, put in the gRPC context by {@link ProviderAuthInterceptor}. */
final class CallingProvider {
    static final Context.Key<ProviderId> KEY = Context.key("icp-provider");

    private CallingProvider() {
    }

    static ProviderId current() {
        ProviderId provider = KEY.get();
        if (provider == null) {
            throw new IllegalStateException("call reached a provider RPC without authentication");
        }
        return provider;
    }
}
