package icp.filing.adapters.grpc;

import io.grpc.ServerBuilder;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import jakarta.inject.Singleton;
import java.io.File;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the provider API: {@code icp.grpc.tls.cert-chain} and {@code icp.grpc.tls.private-key} (PEM files, the
 * key in PKCS#8) turn it on; with {@code icp.grpc.tls.client-ca} (PEM, the CAs or the certificates of the providers'
 * clients) every provider must also present a client certificate the server trusts, on top of its API key.
 */
@Singleton
@Requires(property = "icp.grpc.tls.cert-chain")
final class GrpcTls implements BeanCreatedEventListener<ServerBuilder<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcTls.class);
    private final File certChain;
    private final File privateKey;
    private final String clientCa;

    GrpcTls(@Value("${icp.grpc.tls.cert-chain}") String certChain,
            @Value("${icp.grpc.tls.private-key}") String privateKey,
            @Value("${icp.grpc.tls.client-ca:}") String clientCa) {
        this.certChain = new File(certChain);
        this.privateKey = new File(privateKey);
        this.clientCa = clientCa;
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        ServerBuilder<?> builder = event.getBean();
        if (!(builder instanceof NettyServerBuilder netty)) {
            throw new IllegalStateException("gRPC TLS needs the Netty server, not " + builder.getClass().getName());
        }
        try {
            SslContextBuilder ssl = GrpcSslContexts.forServer(certChain, privateKey);
            if (!clientCa.isBlank()) {
                ssl.trustManager(new File(clientCa)).clientAuth(ClientAuth.REQUIRE);
            }
            netty.sslContext(ssl.build());
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("gRPC TLS: cannot read the certificate chain, key or client CAs", e);
        }
        LOG.info("gRPC TLS on{}", clientCa.isBlank() ? "" : ", client certificates required");
        return netty;
    }
}
