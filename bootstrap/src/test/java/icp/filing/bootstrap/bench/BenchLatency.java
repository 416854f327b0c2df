package icp.filing.bootstrap.bench;

import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxMessage;
import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc;
import icp.filing.proto.provider.v1.ResultEvent;
import icp.filing.proto.provider.v1.ResultKind;
import icp.filing.proto.provider.v1.WatchResultsRequest;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long after a bureau's approval the public query finds the filing (through the outbox, the loopback upload to
 * the ministry side and its national register) and the provider's WatchResults stream carries the event. Approvals
 * one at a time; the figures are printed, never asserted.
 */
final class BenchLatency {
    private BenchLatency() {
    }

    static void approvalToPublicAndProvider(ApplicationContext context,
                                            ProviderFilingServiceGrpc.ProviderFilingServiceStub async,
                                            HttpClient client, URI http, String basic, List<String> ids,
                                            Map<String, String> domainOf) throws Exception {
        Map<String, Long> streamed = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong lastEvent = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        async.watchResults(WatchResultsRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(ResultEvent event) {
                lastEvent.set(System.nanoTime());
                if (event.getKind() == ResultKind.RESULT_KIND_APPROVED) {
                    streamed.putIfAbsent(event.getApplicationId(), System.nanoTime());
                }
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        });
        // the stream first replays every result of the provider so far (the whole benchmark's): the first sample
        // would wait behind that, so the approvals start once it has been quiet for half a second
        long giveUp = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() - lastEvent.get() < 500_000_000L && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        List<Double> toPublic = new ArrayList<>();
        List<Double> toProvider = new ArrayList<>();
        for (String id : ids) {
            long approved = System.nanoTime();
            client.send(HttpRequest.newBuilder(http.resolve("/api/v1/bureau/applications/" + id + "/approve"))
                    .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpRequest query = HttpRequest.newBuilder(http.resolve("/api/v1/public/filings?q="
                    + URLEncoder.encode(domainOf.get(id), StandardCharsets.UTF_8))).GET().build();
            long deadline = approved + 10_000_000_000L;
            while (System.nanoTime() < deadline && !client.send(query, HttpResponse.BodyHandlers.ofString()).body()
                    .contains("serviceNumber")) {
                Thread.sleep(2);
            }
            toPublic.add((System.nanoTime() - approved) / 1e6);
            while (System.nanoTime() < deadline && !streamed.containsKey(id)) {
                Thread.sleep(2);
            }
            toProvider.add((streamed.getOrDefault(id, System.nanoTime()) - approved) / 1e6);
        }
        print("approval -> public query (national register)", toPublic);
        print("approval -> provider WatchResults", toProvider);
        System.out.printf("outbox after the run: %s%n", context.getBean(Outbox.class).counts()
                .get(OutboxMessage.Channel.MINISTRY_UPLOAD));
    }

    /** Until the outbox has delivered everything due: the approvals' uploads, results, SMS and e-mails. */
    static void awaitOutbox(ApplicationContext context) throws InterruptedException {
        Outbox outbox = context.getBean(Outbox.class);
        long started = System.nanoTime();
        while (outbox.backlog().values().stream().mapToLong(Outbox.Counts::pending).sum() > 0) {
            Thread.sleep(20);
        }
        System.out.printf("outbox drained %.1f s after the last bulk approval (uploads, results, SMS, e-mail)%n",
                (System.nanoTime() - started) / 1e9);
    }

    private static void print(String name, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%-44s %4d samples  p50 %7.1f ms   max %7.1f ms%n", name, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
}
