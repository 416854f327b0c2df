package icp.filing.bootstrap;

import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
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

/** Real network clients for the two APIs: a gRPC channel with an API key, and plain JDK HTTP for REST. */
final class ApiClients implements AutoCloseable {
    static final String DEMO_KEY = "demo-provider-key";
    static final String OTHER_KEY = "other-provider-key";

    private final ManagedChannel channel;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI httpBase;
    private final JsonMapper json;

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

    ProviderFilingServiceGrpc.ProviderFilingServiceBlockingStub anonymousProvider() {
        return ProviderFilingServiceGrpc.newBlockingStub(channel);
    }

    record Response(int status, String contentType, String body, Object json) {
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
        return send(request(path, user).GET().build());
    }

    Response post(String path, String user, String body) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
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
                    parsed);
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
