package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.ListApplicationsRequest;
import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Both servers with a certificate and key, as the README configures them: HTTPS for the bureau and the public, gRPC
 * over TLS with client certificates for providers. Plain connections and providers without a trusted certificate
 * are turned away.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest implements TestPropertyProvider {
    private TestCertificates.Issued server;
    private TestCertificates.Issued provider;
    private TestCertificates.Issued stranger;
    private TestCertificates.Issued intruder;

    @Inject
    EmbeddedServer http;
    @Inject
    GrpcEmbeddedServer grpc;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("icp-tls-");
            server = TestCertificates.issue(dir, "server");
            provider = TestCertificates.issue(dir, "provider");
            stranger = TestCertificates.issue(dir, "stranger");
            intruder = TestCertificates.issue(dir, "intruder");
            // the server trusts the provider's and the intruder's certificates; the demo provider is bound to its own
            Path trusted = Files.writeString(dir.resolve("trusted.crt"), Files.readString(provider.certificatePem())
                    + Files.readString(intruder.certificatePem()));
            return Map.ofEntries(
                    Map.entry("micronaut.server.ssl.enabled", "true"),
                    Map.entry("micronaut.server.ssl.port", "-1"),
                    Map.entry("micronaut.server.ssl.key-store.path", "file:" + server.keyStore()),
                    Map.entry("micronaut.server.ssl.key-store.type", "PKCS12"),
                    Map.entry("micronaut.server.ssl.key-store.password", TestCertificates.PASSWORD),
                    Map.entry("icp.grpc.tls.cert-chain", server.certificatePem().toString()),
                    Map.entry("icp.grpc.tls.private-key", server.privateKeyPem().toString()),
                    Map.entry("icp.grpc.tls.client-ca", trusted.toString()),
                    Map.entry("icp.providers.demo-cloud.client-certificate-subject", "CN=provider"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bureauAndPublicSpeakHttpsOnly() throws Exception {
        URI uri = http.getURI();
        assertEquals("https", uri.getScheme());
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(server.keyStore())).build();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        URI plain = URI.create("http://" + uri.getHost() + ":" + uri.getPort() + "/health");
        assertThrows(Exception.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain)
                .timeout(java.time.Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void providersComeInOverTlsWithATrustedClientCertificateOnly() throws Exception {
        assertTrue(call(channel(provider)).getTotal() >= 0, "a trusted provider is served");
        assertThrows(StatusRuntimeException.class, () -> call(channel(stranger)), "an unknown client certificate");
        StatusRuntimeException stolenKey = assertThrows(StatusRuntimeException.class, () -> call(channel(intruder)),
                "a trusted certificate that is not the demo provider's, with the demo provider's key");
        assertEquals(io.grpc.Status.Code.UNAUTHENTICATED, stolenKey.getStatus().getCode());
        assertThrows(StatusRuntimeException.class, () -> call(channel(null)), "no client certificate");
        ManagedChannel plain = ManagedChannelBuilder.forAddress("127.0.0.1", grpc.getPort()).usePlaintext().build();
        try {
            assertThrows(StatusRuntimeException.class, () -> call(plain), "a plaintext connection");
        } finally {
            plain.shutdownNow();
        }
    }

    private icp.filing.proto.provider.v1.ListApplicationsResponse call(ManagedChannel channel) {
        try {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), ApiClients.DEMO_KEY);
            return ProviderFilingServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listApplications(ListApplicationsRequest.getDefaultInstance());
        } finally {
            channel.shutdownNow();
        }
    }

    private ManagedChannel channel(TestCertificates.Issued clientCertificate) throws Exception {
        var ssl = GrpcSslContexts.forClient().trustManager(server.certificatePem().toFile());
        if (clientCertificate != null) {
            ssl.keyManager(clientCertificate.certificatePem().toFile(), clientCertificate.privateKeyPem().toFile());
        }
        return NettyChannelBuilder.forAddress("localhost", grpc.getPort()).sslContext(ssl.build()).build();
    }

    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
