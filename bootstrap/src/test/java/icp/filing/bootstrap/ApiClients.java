package icp.filing.bootstrap;

import com.google.protobuf.ByteString;
import icp.filing.adapters.grpc.cli.MaterialUploads;
import icp.filing.proto.provider.v1.MaterialHeader;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc;
import icp.filing.proto.provider.v1.UploadMaterialRequest;
import icp.filing.proto.provider.v1.UploadMaterialResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Real network clients for the two APIs: a gRPC channel with an API key, and plain JDK HTTP for REST. */
final class ApiClients implements AutoCloseable {
    static final String DEMO_KEY = "demo-provider-key";
    static final String OTHER_KEY = "other-provider-key";

    private final ManagedChannel channel;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI httpBase;
    private final JsonMapper json;
    private Runnable beforePublicRead = () -> { };

    ApiClients(int grpcPort, URI httpBase, JsonMapper json) {
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        this.httpBase = httpBase;
        this.json = json;
    }

    ManagedChannel channel() {
        return channel;
    }

    ProviderFilingServiceGrpc.ProviderFilingServiceBlockingStub provider(String apiKey) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), apiKey);
        return ProviderFilingServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** Uploads one material in chunks of {@code chunkSize} bytes, declaring {@code sha256}. */
    UploadMaterialResponse upload(String apiKey, MaterialKind kind, byte[] content, String sha256, int chunkSize) {
        return MaterialUploads.upload(asyncProvider(apiKey), kind, content, sha256, "scan", chunkSize);
    }

    /** Sends a header and part of the bytes, then breaks the stream off as a failing client would. */
    void uploadAndAbandon(String apiKey, MaterialKind kind, byte[] content, String sha256) {
        CompletableFuture<UploadMaterialResponse> result = new CompletableFuture<>();
        StreamObserver<UploadMaterialRequest> requests = asyncProvider(apiKey).uploadMaterial(observer(result));
        requests.onNext(UploadMaterialRequest.newBuilder()
                .setHeader(MaterialHeader.newBuilder().setKind(kind).setSha256(sha256)).build());
        requests.onNext(UploadMaterialRequest.newBuilder()
                .setChunk(ByteString.copyFrom(content, 0, content.length / 2)).build());
        requests.onError(new RuntimeException("client gave up"));
        try {
            result.get(10, TimeUnit.SECONDS);
        } catch (Exception expected) {
            // the call ends in CANCELLED on the client side
        }
    }

    ProviderFilingServiceGrpc.ProviderFilingServiceStub asyncProvider(String apiKey) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), apiKey);
        return ProviderFilingServiceGrpc.newStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** Completes {@code result} with the answer of an upload, or with its error. */
    static StreamObserver<UploadMaterialResponse> observer(CompletableFuture<UploadMaterialResponse> result) {
        return new StreamObserver<>() {
            @Override
            public void onNext(UploadMaterialResponse value) {
                result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                result.completeExceptionally(new IllegalStateException("completed without a response"));
            }
        };
    }

    /** GET returning raw bytes, for material downloads. */
    HttpResponse<byte[]> download(String path, String user) {
        try {
            return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ProviderFilingServiceGrpc.ProviderFilingServiceBlockingStub anonymousProvider() {
        return ProviderFilingServiceGrpc.newBlockingStub(channel);
    }

    record Response(int status, String contentType, String body, Object json, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) json;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) json;
        }
    }

    Response get(String path, String user) {
        if (path.startsWith("/api/v1/public/filings")) {
            beforePublicRead.run();
        }
        return send(request(path, user).GET().build());
    }

    /**
     * What runs before each public query: the public query answers from the national register, which the outbox
     * feeds a moment after each decision; the suite lets it arrive first, so that it asserts what is published.
     */
    void beforePublicRead(Runnable action) {
        beforePublicRead = action;
    }

    Response post(String path, String user, String body) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POST with extra headers, given as name, value, name, value … (a forwarding header, say). */
    Response post(String path, String body, String... headers) {
        HttpRequest.Builder builder = request(path, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /** GET with extra headers, given as name, value, name, value …; nothing is awaited before it. */
    Response getWith(String path, String user, String... headers) {
        HttpRequest.Builder builder = request(path, user).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(httpBase.resolve(path));
        if (user != null) {
            String credentials = user.contains(":") ? user : user + ":bureau-demo";
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            Object parsed = body == null || body.isBlank() ? null
                    : json.readValue(body.getBytes(StandardCharsets.UTF_8), Argument.OBJECT_ARGUMENT);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                    parsed, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
