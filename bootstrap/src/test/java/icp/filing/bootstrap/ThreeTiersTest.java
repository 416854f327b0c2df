package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.Courier;
import icp.filing.application.port.Ministry;
import icp.filing.application.port.NationalFiling;
import icp.filing.application.port.NationalRegister;
import icp.filing.domain.common.Province;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.CancelSubject;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three tiers on loopback, in one JVM: a ministry node (the national register) and two provincial nodes, Beijing and
 * Shanghai, each with a database of its own. The provinces upload through their outboxes and ask the ministry's
 * national checks: a domain filed in Beijing is refused in Shanghai, and its cancellation in Beijing frees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeTiersTest {
    private static final String BEIJING_KEY = "beijing-province-key";
    private static final String SHANGHAI_KEY = "shanghai-province-key";
    /** Serials for numbers of the tests' own uploads, below those the other test takes (900,000 on). */
    private static final java.util.concurrent.atomic.AtomicInteger NUMBERS = new java.util.concurrent.atomic
            .AtomicInteger();

    private int ministryPort;
    private EmbeddedServer ministry;
    private EmbeddedServer beijing;
    private EmbeddedServer shanghai;
    private Node bj;
    private Node sh;

    /** A provincial node as its provider and bureau reach it. */
    static final class Node extends ApiTestSupport {
        Node(ApplicationContext node) {
            httpServer = node.getBean(EmbeddedServer.class);
            grpcServer = node.getBean(GrpcEmbeddedServer.class);
            json = node.getBean(JsonMapper.class);
            context = node;
            openClients();
        }

        Application approve(Application application, String reviewer) {
            ApiClients.Response response = clients.post("/api/v1/bureau/applications/" + application.getId()
                    + "/approve", reviewer, "");
            assertEquals(200, response.status(), response.body());
            return application;
        }
    }

    @BeforeAll
    void startThreeNodes() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            ministryPort = free.getLocalPort();
        }
        ministry = startMinistry();
        beijing = province("icp_tier_beijing", BEIJING_KEY, "11");
        shanghai = province("icp_tier_shanghai", SHANGHAI_KEY, "沪");
        bj = new Node(beijing.getApplicationContext());
        sh = new Node(shanghai.getApplicationContext());
    }

    private EmbeddedServer startMinistry() {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "datasources.default.url", "jdbc:mariadb://embedded/icp_tier_ministry",
                "icp.node.role", "ministry", "grpc.server.port", ministryPort,
                "icp.ministry.provinces.11.key-sha256", TestFilings.sha256(BEIJING_KEY.getBytes()),
                "icp.ministry.provinces.31.key-sha256", TestFilings.sha256(SHANGHAI_KEY.getBytes())));
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private EmbeddedServer province(String database, String key, String province) {
        return ApplicationContext.run(EmbeddedServer.class, new HashMap<>(Map.of(
                "datasources.default.url", "jdbc:mariadb://embedded/" + database, "icp.node.provinces", province,
                "icp.node.role", "province", "icp.ministry.address", "127.0.0.1:" + ministryPort,
                "icp.ministry.key", key, "icp.outbox.relay.enabled", "true",
                "icp.outbox.relay.poll-interval", "100ms", "icp.outbox.relay.initial-backoff", "200ms",
                "icp.outbox.relay.max-backoff", "500ms", "icp.outbox.relay.max-attempts", "1000")), "test");
    }

    @AfterAll
    void stopNodes() {
        for (EmbeddedServer node : List.of(beijing, shanghai, ministry)) {
            if (node != null) {
                node.getApplicationContext().close();
            }
        }
    }

    private SubmitApplicationRequest shanghaiFiling(String domain) {
        return SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(TestFilings.unit("上海" + TestFilings.uniqueLabel() + "有限公司", "310101"))
                .addServices(TestFilings.website("上海的网站", domain))).build();
    }

    private Set<String> nationallyFiled(String domain) {
        return ministry.getApplicationContext().getBean(NationalRegister.class)
                .check(List.of(domain), List.of(), "").domainOwners().keySet();
    }

    @Test
    void aDomainFiledInBeijingIsRefusedInShanghaiUntilBeijingCancelsIt() {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        Application filed = bj.approve(bj.submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel()
                + "有限公司", domain)), "bj-reviewer");
        String subjectNumber = bj.clients.provider(ApiClients.DEMO_KEY).getApplication(
                icp.filing.proto.provider.v1.GetApplicationRequest.newBuilder().setApplicationId(filed.getId())
                        .build()).getApplication().getSubjectNumber();
        long uploaded = System.nanoTime();
        NotificationApiTest.await("the upload to the ministry", () -> nationallyFiled(domain).contains(domain));
        System.out.printf("Beijing approval in the national register after %.0f ms%n",
                (System.nanoTime() - uploaded) / 1e6);
        ApiClients.Response batch = bj.clients.post("/api/v1/public/filings:batchLookup", null, "{\"items\":[\"www."
                + domain + "\",\"" + subjectNumber + "\",\"none-" + domain + "\"]}");
        assertEquals(200, batch.status(), batch.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) batch.object().get("results");
        assertEquals(List.of("FOUND", "FOUND", "NOT_FILED"), results.stream().map(r -> r.get("outcome")).toList(),
                "a provincial node's own register answers a batch too");
        assertEquals(1, ((List<?>) results.get(0).get("filings")).size(), "one service, however many of its domains");

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> sh.clients
                .provider(ApiClients.DEMO_KEY).submitApplication(sh.complete(shanghaiFiling(domain))));
        assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertTrue(ProviderApiTest.badRequest(refused).getFieldViolationsList().stream()
                .anyMatch(v -> v.getField().equals("new_filing.services[0].website.domains[0]")
                        && v.getDescription().contains("DOMAIN_ALREADY_FILED")), refused.getMessage());

        Application cancel = bj.submit(SubmitApplicationRequest.newBuilder().setCancelSubject(CancelSubject
                .newBuilder().setSubjectNumber(subjectNumber)).build());
        bj.approve(cancel, "bj-reviewer");
        long cancelled = System.nanoTime();
        NotificationApiTest.await("the cancellation in the national register",
                () -> !nationallyFiled(domain).contains(domain));
        System.out.printf("Beijing cancellation frees the domain nationally after %.0f ms%n",
                (System.nanoTime() - cancelled) / 1e6);

        Application accepted = sh.clients.provider(ApiClients.DEMO_KEY)
                .submitApplication(sh.complete(shanghaiFiling(domain))).getApplication();
        assertEquals(ApplicationState.APPLICATION_STATE_AWAITING_SMS_CONFIRMATION, accepted.getState());
    }

    @Test
    void whileTheMinistryIsDownBureausApproveAndTheRegisterCatchesUpAfterwards() {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        Application application = bj.submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                domain));
        ministry.getApplicationContext().close();
        try {
            bj.approve(application, "bj-reviewer");
            StatusRuntimeException unavailable = assertThrows(StatusRuntimeException.class, () -> sh.clients
                    .provider(ApiClients.DEMO_KEY).submitApplication(sh.complete(shanghaiFiling(
                            TestFilings.uniqueLabel() + ".com.cn"))));
            assertEquals(io.grpc.Status.Code.UNAVAILABLE, unavailable.getStatus().getCode(),
                    "Shanghai cannot make the national checks: it says so, and stores nothing");
        } finally {
            ministry = startMinistry();
        }
        long back = System.nanoTime();
        NotificationApiTest.await("the register catching up", () -> nationallyFiled(domain).contains(domain));
        System.out.printf("the national register caught up %.1f s after the ministry came back%n",
                (System.nanoTime() - back) / 1e9);
        ApiClients publicQuery = new ApiClients(ministryPort, ministry.getURI(),
                ministry.getApplicationContext().getBean(JsonMapper.class));
        try {
            ApiClients.Response found = publicQuery.get("/api/v1/public/filings?q=www." + domain, null);
            assertEquals(200, found.status());
            assertTrue(found.body().contains("\"serviceNumber\""), "the ministry's public query has it: " + found.body());
            int bureau = publicQuery.get("/api/v1/bureau/applications", "bj-reviewer").status();
            assertTrue(bureau == 403 || bureau == 404, "a ministry-only node has no bureau side: " + bureau);
            StatusRuntimeException noProviders = assertThrows(StatusRuntimeException.class, () -> publicQuery
                    .provider(ApiClients.DEMO_KEY).listApplications(
                            icp.filing.proto.provider.v1.ListApplicationsRequest.getDefaultInstance()));
            assertEquals(io.grpc.Status.Code.UNIMPLEMENTED, noProviders.getStatus().getCode(),
                    "nor a provider API");
        } finally {
            publicQuery.close();
        }
    }

    @Test
    void aProvincialNodeTakesNewFilingsOfItsOwnProvincesOnly() {
        StatusRuntimeException elsewhere = assertThrows(StatusRuntimeException.class, () -> sh.clients
                .provider(ApiClients.DEMO_KEY).submitApplication(sh.complete(TestFilings.unitFiling("北京"
                        + TestFilings.uniqueLabel() + "有限公司", TestFilings.uniqueLabel() + ".com.cn"))));
        assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, elsewhere.getStatus().getCode());
        assertTrue(ProviderApiTest.badRequest(elsewhere).getFieldViolationsList().stream().anyMatch(v -> v.getField()
                .equals("new_filing.subject") && v.getDescription().contains("PROVINCE_NOT_SERVED")),
                elsewhere.getMessage());
    }

    @Test
    void uploadsApplyInVersionOrderOnceAndOnlyForTheCallersProvince() {
        Ministry beijingSide = beijing.getApplicationContext().getBean(Ministry.class);
        String number = "京ICP备2026" + String.format("%06d", 900_000 + (int) (System.nanoTime() % 99_999)) + "号";
        assertEquals(new NationalFiling.Uploaded(NationalFiling.Outcome.APPLIED, 3),
                beijingSide.upload(national(number, 3, Province.BEIJING)));
        assertEquals(new NationalFiling.Uploaded(NationalFiling.Outcome.DUPLICATE, 3),
                beijingSide.upload(national(number, 3, Province.BEIJING)), "the same version again changes nothing");
        assertEquals(new NationalFiling.Uploaded(NationalFiling.Outcome.STALE, 3),
                beijingSide.upload(national(number, 2, Province.BEIJING)), "an older one is ignored");
        assertEquals(new NationalFiling.Uploaded(NationalFiling.Outcome.APPLIED, 4),
                beijingSide.upload(national(number, 4, Province.BEIJING)));

        Courier.DeliveryFailedException foreign = assertThrows(Courier.DeliveryFailedException.class,
                () -> shanghai.getApplicationContext().getBean(Ministry.class)
                        .upload(national(number, 5, Province.BEIJING)));
        assertTrue(foreign.permanent() && foreign.getMessage().contains("PERMISSION_DENIED"), foreign.getMessage());

        NationalFiling oversized = national(number, 6, Province.BEIJING);
        NationalFiling.Service service = oversized.services().get(0);
        NationalFiling withLongDomain = new NationalFiling(number, 6, Province.BEIJING,
                oversized.subjectIdentitySha256(), true, oversized.subjectName(), false, "企业",
                List.of(new NationalFiling.Service(service.number(), service.kind(), service.name(), true,
                        List.of("x".repeat(300) + ".cn"), service.registrableDomains(), null, null,
                        service.approvedAt(), List.of())));
        Courier.DeliveryFailedException tooLong = assertThrows(Courier.DeliveryFailedException.class,
                () -> beijingSide.upload(withLongDomain));
        assertTrue(tooLong.permanent() && tooLong.getMessage().contains("INVALID_ARGUMENT"), tooLong.getMessage());

        var channel = io.grpc.ManagedChannelBuilder.forAddress("127.0.0.1", ministryPort).usePlaintext().build();
        try {
            StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () ->
                    icp.filing.proto.ministry.v1.MinistryRegistryServiceGrpc.newBlockingStub(channel)
                            .checkRegistered(icp.filing.proto.ministry.v1.CheckRegisteredRequest.getDefaultInstance()));
            assertEquals(io.grpc.Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aRoundOfUploadsIsAnsweredFilingByFilingAndARefusalStaysItsOwn() {
        Ministry beijingSide = beijing.getApplicationContext().getBean(Ministry.class);
        String first = uniqueNumber();
        String second = uniqueNumber();
        String third = uniqueNumber();
        NationalFiling holder = national(first, 1, Province.BEIJING);
        // another subject filing the first one's registrable domain: the register refuses it
        NationalFiling taker = new NationalFiling(second, 1, Province.BEIJING, TestFilings.sha256(second.getBytes()),
                true, "北京抢注测试有限公司", false, "企业", holder.services().stream()
                .map(s -> new NationalFiling.Service(second + "-1", s.kind(), s.name(), true, s.domains(),
                        s.registrableDomains(), null, null, s.approvedAt(), List.of())).toList());

        List<NationalFiling.Applied> round = beijingSide.uploadAll(List.of(holder, taker,
                national(third, 2, Province.BEIJING)));

        assertEquals(3, round.size());
        assertEquals(new NationalFiling.Uploaded(NationalFiling.Outcome.APPLIED, 1), round.get(0).uploaded());
        Courier.DeliveryFailedException refused = (Courier.DeliveryFailedException) round.get(1).refused();
        assertTrue(refused.permanent() && refused.getMessage().contains("DOMAIN_ALREADY_FILED"), refused.getMessage());
        assertEquals(new NationalFiling.Uploaded(NationalFiling.Outcome.APPLIED, 2), round.get(2).uploaded(),
                "the refusal kept nothing else out");
        assertEquals(NationalFiling.Outcome.DUPLICATE, beijingSide.uploadAll(List.of(holder)).get(0).uploaded()
                .outcome(), "the first was applied, not just answered");

        // a call refused as a whole goes again filing by filing: only the filing at fault fails
        String shanghaiNumber = "沪ICP备2026" + String.format("%06d", 800_000 + NUMBERS.incrementAndGet()) + "号";
        List<NationalFiling.Applied> foreign = shanghai.getApplicationContext().getBean(Ministry.class)
                .uploadAll(List.of(national(shanghaiNumber, 1, Province.SHANGHAI), national(uniqueNumber(), 1,
                        Province.BEIJING)));
        assertEquals(new NationalFiling.Uploaded(NationalFiling.Outcome.APPLIED, 1), foreign.get(0).uploaded());
        assertTrue(((Courier.DeliveryFailedException) foreign.get(1).refused()).permanent()
                && foreign.get(1).refused().getMessage().contains("PERMISSION_DENIED"), String.valueOf(foreign));

        NationalFiling oversized = national(uniqueNumber(), 1, Province.BEIJING);
        NationalFiling tooLong = new NationalFiling(oversized.subjectNumber(), 1, Province.BEIJING,
                oversized.subjectIdentitySha256(), true, "名".repeat(1001), false, "企业", oversized.services());
        List<NationalFiling.Applied> withBad = beijingSide.uploadAll(List.of(tooLong,
                national(uniqueNumber(), 1, Province.BEIJING)));
        assertTrue(((Courier.DeliveryFailedException) withBad.get(0).refused()).permanent()
                && withBad.get(0).refused().getMessage().contains("INVALID_ARGUMENT"), String.valueOf(withBad));
        assertEquals(NationalFiling.Outcome.APPLIED, withBad.get(1).uploaded().outcome(),
                "a filing out of bounds does not fail the others of its round");
    }

    /** A round is applied set-based; every outcome must still be what filing-by-filing in order would give. */
    @Test
    void aRoundOfNewHeldStaleAndRepeatedFilingsIsAnsweredAsInOrder() {
        Ministry beijingSide = beijing.getApplicationContext().getBean(Ministry.class);
        String newer = uniqueNumber();
        String fresh = uniqueNumber();
        String stale = uniqueNumber();
        String same = uniqueNumber();
        String twice = uniqueNumber();
        beijingSide.uploadAll(List.of(national(newer, 2, Province.BEIJING), national(stale, 5, Province.BEIJING),
                national(same, 2, Province.BEIJING)));

        List<NationalFiling.Applied> round = beijingSide.uploadAll(List.of(national(newer, 3, Province.BEIJING),
                national(fresh, 1, Province.BEIJING), national(stale, 4, Province.BEIJING),
                national(same, 2, Province.BEIJING)));
        assertEquals(List.of(new NationalFiling.Uploaded(NationalFiling.Outcome.APPLIED, 3),
                new NationalFiling.Uploaded(NationalFiling.Outcome.APPLIED, 1),
                new NationalFiling.Uploaded(NationalFiling.Outcome.STALE, 5),
                new NationalFiling.Uploaded(NationalFiling.Outcome.DUPLICATE, 2)),
                round.stream().map(NationalFiling.Applied::uploaded).toList());

        List<NationalFiling.Applied> repeated = beijingSide.uploadAll(List.of(national(twice, 1, Province.BEIJING),
                national(twice, 2, Province.BEIJING), national(twice, 2, Province.BEIJING)));
        assertEquals(List.of(new NationalFiling.Uploaded(NationalFiling.Outcome.APPLIED, 1),
                new NationalFiling.Uploaded(NationalFiling.Outcome.APPLIED, 2),
                new NationalFiling.Uploaded(NationalFiling.Outcome.DUPLICATE, 2)),
                repeated.stream().map(NationalFiling.Applied::uploaded).toList());

        // what the register now holds: each answered as a duplicate of the version applied
        List<NationalFiling.Applied> again = beijingSide.uploadAll(List.of(national(newer, 3, Province.BEIJING),
                national(fresh, 1, Province.BEIJING), national(stale, 5, Province.BEIJING),
                national(twice, 2, Province.BEIJING)));
        assertTrue(again.stream().allMatch(a -> a.uploaded().outcome() == NationalFiling.Outcome.DUPLICATE),
                String.valueOf(again));
    }

    @Test
    void aRoundOfUploadsIsBoundedAndNamesTheFilingAtFault() {
        var channel = io.grpc.ManagedChannelBuilder.forAddress("127.0.0.1", ministryPort).usePlaintext().build();
        io.grpc.Metadata key = new io.grpc.Metadata();
        key.put(io.grpc.Metadata.Key.of("x-province-key", io.grpc.Metadata.ASCII_STRING_MARSHALLER), BEIJING_KEY);
        var ministryStub = icp.filing.proto.ministry.v1.MinistryRegistryServiceGrpc.newBlockingStub(channel)
                .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(key));
        try {
            var filing = icp.filing.proto.ministry.v1.NationalFiling.newBuilder().setSubjectNumber(uniqueNumber())
                    .setProvinceCode("11").setSubjectIdentitySha256("0".repeat(64)).build();
            StatusRuntimeException tooMany = assertThrows(StatusRuntimeException.class, () -> ministryStub
                    .uploadFilings(icp.filing.proto.ministry.v1.UploadFilingsRequest.newBuilder()
                            .addAllFilings(java.util.Collections.nCopies(101, filing)).build()));
            assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, tooMany.getStatus().getCode());
            assertTrue(ProviderApiTest.badRequest(tooMany).getFieldViolationsList().stream().anyMatch(v -> v.getField()
                    .equals("filings") && v.getDescription().contains("TOO_MANY")), tooMany.getMessage());

            StatusRuntimeException none = assertThrows(StatusRuntimeException.class, () -> ministryStub
                    .uploadFilings(icp.filing.proto.ministry.v1.UploadFilingsRequest.getDefaultInstance()));
            assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, none.getStatus().getCode());

            StatusRuntimeException foreign = assertThrows(StatusRuntimeException.class, () -> ministryStub
                    .uploadFilings(icp.filing.proto.ministry.v1.UploadFilingsRequest.newBuilder().addFilings(filing)
                            .addFilings(filing.toBuilder().setSubjectNumber("沪ICP备2026000001号")
                                    .setProvinceCode("31")).build()));
            assertEquals(io.grpc.Status.Code.PERMISSION_DENIED, foreign.getStatus().getCode(),
                    "one filing of another province refuses the whole call");

            var longName = filing.toBuilder().setSubjectName("名".repeat(1001)).build();
            StatusRuntimeException second = assertThrows(StatusRuntimeException.class, () -> ministryStub
                    .uploadFilings(icp.filing.proto.ministry.v1.UploadFilingsRequest.newBuilder().addFilings(filing)
                            .addFilings(longName).build()));
            assertTrue(ProviderApiTest.badRequest(second).getFieldViolationsList().stream().anyMatch(v -> v.getField()
                    .equals("filings[1].subject_name")), second.getMessage());
        } finally {
            channel.shutdownNow();
        }
    }

    private static String uniqueNumber() {
        return "京ICP备2026" + String.format("%06d", 800_000 + NUMBERS.incrementAndGet()) + "号";
    }

    private static NationalFiling national(String number, long version, Province province) {
        return new NationalFiling(number, version, province, TestFilings.sha256(number.getBytes()), true, "北京版本测试有限公司", false, "企业",
                List.of(new NationalFiling.Service(number + "-1", icp.filing.domain.service.ServiceKind.WEBSITE,
                        "版本 " + version, true, List.of("v" + version + "-" + number.hashCode() + ".cn"),
                        List.of("v" + version + "-" + number.hashCode() + ".cn"), null, null,
                        java.time.Instant.parse("2026-03-02T02:00:00Z"), List.of())));
    }
}
