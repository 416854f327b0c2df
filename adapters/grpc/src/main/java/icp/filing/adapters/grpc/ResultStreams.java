package icp.filing.adapters.grpc;

import com.google.protobuf.Timestamp;
import icp.filing.application.port.ResultLog;
import icp.filing.application.usecase.ProviderResults;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.FilingException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.ResourceExhaustedException;
import icp.filing.proto.provider.v1.ListResultsRequest;
import icp.filing.proto.provider.v1.ListResultsResponse;
import icp.filing.proto.provider.v1.Operation;
import icp.filing.proto.provider.v1.ResultEvent;
import icp.filing.proto.provider.v1.ResultKind;
import icp.filing.proto.provider.v1.ReturnReason;
import icp.filing.proto.provider.v1.WatchResultsRequest;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ListResults and WatchResults. A watch runs on a thread of its own (bounded in all and per provider): it sends what
 * the log holds after the cursor, waiting for the client to be ready for more, then waits for new events — woken as
 * soon as this process appends one, and reading again each second for those another instance appended.
 */
@Singleton
final class ResultStreams {
    private static final Logger LOG = LoggerFactory.getLogger(ResultStreams.class);
    private static final long IDLE_READ_MILLIS = 1000;

    private final ProviderResults results;
    private final Semaphore slots;
    private final int perProvider;
    private final Map<ProviderId, AtomicInteger> open = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "result-stream");
        thread.setDaemon(true);
        return thread;
    });

    ResultStreams(ProviderResults results, @Value("${icp.results.max-watchers:256}") int max,
                  @Value("${icp.results.max-watchers-per-provider:4}") int perProvider) {
        this.results = results;
        this.slots = new Semaphore(max);
        this.perProvider = perProvider;
    }

    ListResultsResponse list(ProviderId provider, ListResultsRequest request) {
        ProviderResults.Page page = results.after(provider, request.getAfterCursor(), request.getPageSize());
        ListResultsResponse.Builder response = ListResultsResponse.newBuilder().setNextCursor(page.nextCursor());
        page.results().forEach(r -> response.addEvents(event(r)));
        return response.build();
    }

    void watch(ProviderId provider, WatchResultsRequest request, StreamObserver<ResultEvent> responses) {
        long from = results.position(provider, request.getAfterCursor());
        AtomicInteger mine = open.computeIfAbsent(provider, p -> new AtomicInteger());
        if (mine.incrementAndGet() > perProvider || !slots.tryAcquire()) {
            mine.decrementAndGet();
            throw new ResourceExhaustedException(Reason.TOO_MANY_STREAMS,
                    "结果订阅过多 / too many result streams open; retry later or use ListResults");
        }
        ServerCallStreamObserver<ResultEvent> call = (ServerCallStreamObserver<ResultEvent>) responses;
        Object ready = new Object();
        Runnable wake = () -> {
            synchronized (ready) {
                ready.notifyAll();
            }
        };
        call.setOnReadyHandler(wake);
        call.setOnCancelHandler(wake);
        threads.execute(() -> {
            try {
                stream(provider, from, call, ready);
            } finally {
                mine.decrementAndGet();
                slots.release();
            }
        });
    }

    private void stream(ProviderId provider, long from, ServerCallStreamObserver<ResultEvent> call, Object ready) {
        String cursor = ProviderResults.cursor(from);
        try {
            while (!call.isCancelled()) {
                long seen = results.arrivals();
                ProviderResults.Page page = results.after(provider, cursor, ProviderResults.MAX_PAGE);
                for (ResultLog.Result result : page.results()) {
                    synchronized (ready) {
                        while (!call.isReady() && !call.isCancelled()) {
                            ready.wait(IDLE_READ_MILLIS);
                        }
                    }
                    if (call.isCancelled()) {
                        return;
                    }
                    call.onNext(event(result));
                }
                cursor = page.nextCursor();
                if (page.results().isEmpty()) {
                    results.await(seen, IDLE_READ_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            call.onError(io.grpc.Status.UNAVAILABLE.withDescription("the server is stopping").asRuntimeException());
        } catch (FilingException e) {
            call.onError(GrpcErrors.toStatus(e));
        } catch (RuntimeException e) {
            if (!call.isCancelled()) {
                LOG.warn("result stream of {} ended: {}", provider.value(), e.toString());
                call.onError(GrpcErrors.internal());
            }
        }
    }

    static ResultEvent event(ResultLog.Result result) {
        Map<String, String> f = result.fields();
        ResultEvent.Builder event = ResultEvent.newBuilder().setEventId(result.key())
                .setCursor(ProviderResults.cursor(result.sequence()))
                .setKind(ResultKind.valueOf("RESULT_KIND_" + result.kind()))
                .setOccurredAt(Timestamp.newBuilder().setSeconds(result.occurredAt().getEpochSecond())
                        .setNanos(result.occurredAt().getNano()))
                .setApplicationId(f.getOrDefault("applicationId", ""))
                .setSubjectNumber(f.getOrDefault("subjectNumber", ""))
                .setComment(f.getOrDefault("comment", ""));
        if (f.containsKey("operation")) {
            event.setOperation(Operation.valueOf("OPERATION_" + f.get("operation")));
        }
        list(f, "serviceNumbers").forEach(event::addServiceNumbers);
        list(f, "returnReasons").forEach(r -> event.addReturnReasons(ReturnReason.valueOf("RETURN_REASON_" + r)));
        list(f, "revocationReasons").forEach(event::addRevocationReasons);
        ReviewDeadlines.of(f).ifPresent(event::setReviewDeadline);
        return event.build();
    }

    private static java.util.List<String> list(Map<String, String> fields, String name) {
        String joined = fields.get(name);
        return joined == null || joined.isEmpty() ? java.util.List.of() : java.util.List.of(joined.split(","));
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
