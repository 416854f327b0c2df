package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.usecase.ProviderResults;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ListResultsRequest;
import icp.filing.proto.provider.v1.ListResultsResponse;
import icp.filing.proto.provider.v1.ResultEvent;
import icp.filing.proto.provider.v1.ResultKind;
import icp.filing.proto.provider.v1.ReturnReason;
import icp.filing.proto.provider.v1.WatchResultsRequest;
import icp.filing.proto.provider.v1.WithdrawApplicationRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Results back to providers: WatchResults streams every event of the provider's applications and filings in order,
 * a reconnection with the last cursor misses nothing and repeats nothing, ListResults pages through the same events.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_results")
@Property(name = "icp.outbox.relay.enabled", value = "true")
@Property(name = "icp.outbox.relay.poll-interval", value = "200ms")
@Property(name = "icp.results.max-watchers-per-provider", value = "2")
class ResultStreamApiTest extends ApiTestSupport {
    @Inject
    ProviderResults results;
    @Inject
    Clock clock;

    /** A watching provider: what it received, and the call to cut. */
    private final class Watcher implements ClientResponseObserver<WatchResultsRequest, ResultEvent> {
        final List<ResultEvent> events = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        ClientCallStreamObserver<WatchResultsRequest> call;

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchResultsRequest> requestStream) {
            call = requestStream;
        }

        @Override
        public void onNext(ResultEvent value) {
            events.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
        }

        @Override
        public void onCompleted() {
        }

        void disconnect() {
            call.cancel("the provider's system restarts", null);
        }

        String lastCursor() {
            return events.get(events.size() - 1).getCursor();
        }

        List<ResultEvent> of(String applicationId) {
            return events.stream().filter(e -> e.getApplicationId().equals(applicationId)).toList();
        }
    }

    private Watcher watch(String cursor) {
        Watcher watcher = new Watcher();
        clients.asyncProvider(ApiClients.DEMO_KEY).watchResults(WatchResultsRequest.newBuilder()
                .setAfterCursor(cursor).build(), watcher);
        return watcher;
    }

    private Application submitted() {
        return submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".com.cn"));
    }

    private static List<ResultKind> kinds(List<ResultEvent> events) {
        return events.stream().map(ResultEvent::getKind).toList();
    }

    @Test
    @Order(1)
    void aProviderThatReconnectsWithItsCursorReceivesEveryEventOnce() throws Exception {
        Watcher first = watch("");
        Application approved = submitted();
        long decided = System.nanoTime();
        Map<String, Object> decision = approve(approved.getId());
        NotificationApiTest.await("the approval on the stream", () -> first.of(approved.getId()).size() == 3);
        System.out.printf("approval to provider stream: %.1f ms%n", (System.nanoTime() - decided) / 1e6);
        assertEquals(List.of(ResultKind.RESULT_KIND_SMS_SENT, ResultKind.RESULT_KIND_IN_REVIEW,
                ResultKind.RESULT_KIND_APPROVED), kinds(first.of(approved.getId())));
        ResultEvent approval = first.of(approved.getId()).get(2);
        assertEquals(decision.get("subjectNumber"), approval.getSubjectNumber());
        assertEquals(List.of(decision.get("subjectNumber") + "-1"), approval.getServiceNumbersList());

        first.disconnect();
        String cursor = first.lastCursor();
        int before = first.events.size();

        // while the provider is away: a return, and a withdrawal
        Application returned = submitted();
        assertEquals(200, clients.post("/api/v1/bureau/applications/" + returned.getId() + "/return", "bj-reviewer",
                "{\"reasons\":[\"DOMAIN_HOLDER_MISMATCH\"],\"comment\":\"请核对\"}").status());
        Application withdrawn = clients.provider(ApiClients.DEMO_KEY).submitApplication(complete(
                TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                        TestFilings.uniqueLabel() + ".com.cn"))).getApplication();
        clients.provider(ApiClients.DEMO_KEY).withdrawApplication(WithdrawApplicationRequest.newBuilder()
                .setApplicationId(withdrawn.getId()).setComment("客户暂不备案").build());
        Thread.sleep(300);
        assertEquals(before, first.events.size(), "nothing reached the cut stream");

        Watcher second = watch(cursor);
        NotificationApiTest.await("the events of the time away", () -> second.of(returned.getId()).size() == 3
                && second.of(withdrawn.getId()).size() == 2);
        Thread.sleep(300);
        assertEquals(List.of(ResultKind.RESULT_KIND_SMS_SENT, ResultKind.RESULT_KIND_IN_REVIEW,
                ResultKind.RESULT_KIND_RETURNED), kinds(second.of(returned.getId())));
        ResultEvent returnEvent = second.of(returned.getId()).get(2);
        assertEquals(List.of(ReturnReason.RETURN_REASON_DOMAIN_HOLDER_MISMATCH), returnEvent.getReturnReasonsList());
        assertEquals("请核对", returnEvent.getComment());
        assertEquals(List.of(ResultKind.RESULT_KIND_SMS_SENT, ResultKind.RESULT_KIND_WITHDRAWN),
                kinds(second.of(withdrawn.getId())));

        List<ResultEvent> all = new ArrayList<>(first.events);
        all.addAll(second.events);
        Map<String, ResultEvent> byId = new LinkedHashMap<>();
        all.forEach(e -> byId.putIfAbsent(e.getEventId(), e));
        assertEquals(all.size(), byId.size(), "no event twice, even before de-duplication");
        assertEquals(8, byId.size());
        List<String> cursors = all.stream().map(ResultEvent::getCursor).toList();
        assertEquals(cursors.stream().sorted((a, b) -> Long.compare(Long.parseLong(a.substring(1), 36),
                Long.parseLong(b.substring(1), 36))).toList(), cursors, "in order");
        second.disconnect();

        // the pull API pages through the same events in the same order
        List<String> pulled = new ArrayList<>();
        String next = "";
        for (int page = 0; page < 10; page++) {
            ListResultsResponse response = clients.provider(ApiClients.DEMO_KEY).listResults(
                    ListResultsRequest.newBuilder().setAfterCursor(next).setPageSize(3).build());
            response.getEventsList().forEach(e -> pulled.add(e.getEventId()));
            if (response.getEventsCount() == 0) {
                assertEquals(next, response.getNextCursor(), "an empty page keeps the cursor");
                break;
            }
            next = response.getNextCursor();
        }
        assertEquals(new ArrayList<>(byId.keySet()), pulled);
        assertTrue(clients.provider(ApiClients.OTHER_KEY).listResults(ListResultsRequest.getDefaultInstance())
                .getEventsList().isEmpty(), "another provider sees none of them");
    }

    @Test
    @Order(2)
    void aRevocationReachesTheProvidersThatHostTheFiling() {
        var provider = clients.provider(ApiClients.DEMO_KEY);
        String cursor = provider.listResults(ListResultsRequest.newBuilder().setPageSize(100).build()).getNextCursor();
        String subjectNumber = (String) approve(submitted().getId()).get("subjectNumber");
        assertEquals(200, clients.post("/api/v1/bureau/filings/" + ApiClients.query(subjectNumber + "-1") + "/revoke",
                "bj-supervisor", "{\"reasons\":[\"SPREADS_RUMOURS\"],\"comment\":\"经核查\"}").status());
        NotificationApiTest.await("the revocation event", () -> provider.listResults(ListResultsRequest.newBuilder()
                .setAfterCursor(cursor).build()).getEventsList().stream()
                .anyMatch(e -> e.getKind() == ResultKind.RESULT_KIND_REVOKED));
        ResultEvent revoked = provider.listResults(ListResultsRequest.newBuilder().setAfterCursor(cursor).build())
                .getEventsList().stream().filter(e -> e.getKind() == ResultKind.RESULT_KIND_REVOKED).findFirst()
                .orElseThrow();
        assertEquals(subjectNumber, revoked.getSubjectNumber());
        assertEquals(List.of(subjectNumber + "-1"), revoked.getServiceNumbersList());
        assertEquals(List.of("SPREADS_RUMOURS"), revoked.getRevocationReasonsList());
        assertEquals("经核查", revoked.getComment());
        assertEquals("", revoked.getApplicationId(), "an event of the filing, not of an application");
    }

    @Test
    @Order(3)
    void streamsAreBoundedPerProvider() throws Exception {
        Watcher one = watch("");
        Watcher two = watch("");
        Thread.sleep(300);
        Watcher three = watch("");
        NotificationApiTest.await("the refusal", () -> three.error.get() != null);
        StatusRuntimeException refused = (StatusRuntimeException) three.error.get();
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
        assertTrue(refused.getMessage().contains("too many result streams"), refused.getMessage());
        one.disconnect();
        two.disconnect();
    }

    @Test
    @Order(4)
    void aBadCursorIsRefusedAndAnExpiredOneSaysSo() {
        var provider = clients.provider(ApiClients.DEMO_KEY);
        StatusRuntimeException bad = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> provider.listResults(ListResultsRequest.newBuilder().setAfterCursor("../../etc").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
        assertTrue(bad.getMessage().contains("not a cursor"));
        StatusRuntimeException tooLong = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> provider.listResults(ListResultsRequest.newBuilder().setAfterCursor("c".repeat(41)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, tooLong.getStatus().getCode());

        assertTrue(results.purge(clock.instant().plusSeconds(1), Duration.ZERO) >= 8, "every event dropped");
        StatusRuntimeException expired = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> provider.listResults(ListResultsRequest.newBuilder().setAfterCursor("c1").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, expired.getStatus().getCode());
        assertTrue(expired.getMessage().contains("start again with an empty cursor"), expired.getMessage());
        ListResultsResponse fresh = provider.listResults(ListResultsRequest.getDefaultInstance());
        assertEquals(0, fresh.getEventsCount(), "an empty cursor starts after what was dropped");
    }
}
