package icp.filing.adapters.grpc;

import icp.filing.application.usecase.AuthenticateProvider;
import icp.filing.domain.application.ProviderId;
import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

/**
 * Authenticates provider calls by API key (metadata x-api-key, or authorization: Bearer). Health and
 * reflection stay open so that generic tools and load balancers work without a key.
 */
@Singleton
@Order(20)
final class ProviderAuthInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final AuthenticateProvider authenticate;

    ProviderAuthInterceptor(AuthenticateProvider authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                        ServerCallHandler<Q, R> next) {
        if (!ProviderFilingServiceGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        Optional<ProviderId> provider = key(headers).flatMap(authenticate::byApiKey);
        if (provider.isEmpty()) {
            return refuse(call, "缺少或未知的 API key / missing or unknown API key: send it as metadata x-api-key");
        }
        Optional<String> bound = authenticate.requiredCertificateSubject(provider.get());
        if (bound.isPresent() && !presentedBy(call, bound.get())) {
            return refuse(call, "客户端证书不属于该接入商 / the client certificate is not this provider's");
        }
        return Contexts.interceptCall(Context.current().withValue(CallingProvider.KEY, provider.get()), call, headers,
                next);
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String message) {
        StatusRuntimeException refusal = GrpcErrors.unauthenticated(message);
        call.close(refusal.getStatus(), refusal.getTrailers());
        return new ServerCall.Listener<>() {
        };
    }

    /** True when the TLS peer's certificate carries the subject (compared as X.500 names, not as text). */
    private static boolean presentedBy(ServerCall<?, ?> call, String subject) {
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        if (session == null) {
            return false;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate peer
                    && peer.getSubjectX500Principal().equals(new X500Principal(subject));
        } catch (SSLPeerUnverifiedException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> key(Metadata headers) {
        String apiKey = headers.get(API_KEY);
        if (apiKey != null) {
            return Optional.of(apiKey);
        }
        String authorization = headers.get(AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7));
        }
        return Optional.empty();
    }
}
