package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc;
import icp.filing.proto.provider.v1.Service;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import icp.filing.proto.provider.v1.Website;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a careless or hostile provider sends: huge, malformed, spoofing, reused; answered small and precisely. */
@MicronautTest(transactional = false)
class HostileInputApiTest extends ApiTestSupport {

    @Test
    void fiftyBadServicesGetABoundedAnswerTheClientCanRead() {
        String label = TestFilings.uniqueLabel();
        NewFiling.Builder filing = NewFiling.newBuilder().setSubject(TestFilings.unit("北京" + label + "有限公司", "110108"));
        for (int i = 0; i < 50; i++) {
            Service.Builder service = TestFilings.website("站" + i, "bad_domain!" + i + ".cn").toBuilder();
            service.getPrincipalBuilder().setPhone("not-a-phone").setEmail("nobody");
            service.getAccessBuilder().clearIpAddresses().addIpAddresses("999.1.1.1");
            filing.addServices(service);
        }
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> clients.provider(ApiClients.DEMO_KEY)
                .submitApplication(SubmitApplicationRequest.newBuilder().setNewFiling(filing).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        List<BadRequest.FieldViolation> listed = ProviderApiTest.badRequest(e).getFieldViolationsList();
        assertTrue(listed.size() <= 101, listed.size() + " entries");
        for (BadRequest.FieldViolation v : listed) {
            // every reason speaks Chinese and English: "中文 / English"
            assertTrue(v.getDescription().contains(" / ") && v.getDescription().codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), v.getDescription());
        }
        BadRequest.FieldViolation last = listed.get(listed.size() - 1);
        assertEquals("MORE_VIOLATIONS", last.getReason());
        assertTrue(last.getDescription().matches(".*另有 \\d+ 项未列出.*"), last.getDescription());
    }

    @Test
    void aHugeDomainIsRefusedByItsLengthWithoutBeingEchoed() {
        String huge = "a".repeat(3000) + ".cn";
        Map<String, BadRequest.FieldViolation> violations = violations(withWebsite(Website.newBuilder()
                .addDomains(huge)));
        BadRequest.FieldViolation v = violations.get("new_filing.services[0].website.domains[0]");
        assertEquals("TOO_LONG", v.getReason());
        assertTrue(v.getDescription().length() < 200, v.getDescription());
    }

    /**
     * A REST body beyond 256 KB (a million-item batch, say) is refused by its size before it is parsed, in the same
     * problem shape as every refusal; a batch of 100 long items is far below it.
     */
    @Test
    void aRestBodyBeyondItsBoundIsRefusedBeforeItIsParsed() {
        String item = "\"" + "a".repeat(60) + ".cn\",";
        String huge = "{\"items\":[" + item.repeat(300_000 / item.length()) + "\"a.cn\"]}";
        ApiClients.Response refused = clients.post("/api/v1/public/filings:batchLookup", null, huge);
        assertEquals(413, refused.status(), refused.body());
        assertEquals("BODY_TOO_LARGE", refused.object().get("reason"), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().contains("application/problem+json"));

        String hundred = "{\"items\":[" + String.join(",", java.util.Collections.nCopies(100,
                "\"https://www." + "b".repeat(60) + ".com.cn/" + "p".repeat(100) + "\"")) + "]}";
        assertEquals(200, clients.post("/api/v1/public/filings:batchLookup", null, hundred).status());
    }

    @Test
    void listsBeyondTheContractsBoundAreRefusedBeforeAnyWork() {
        Website.Builder website = Website.newBuilder();
        for (int i = 0; i < 101; i++) {
            website.addDomains("d" + i + ".cn");
        }
        assertEquals("TOO_MANY", violations(withWebsite(website)).get("new_filing.services[0].website.domains")
                .getReason());
    }

    @Test
    void lengthsTheDatabaseHoldsAreCheckedByTheRulesNotByTheDatabase() {
        String label = TestFilings.uniqueLabel();
        SubmitApplicationRequest request = TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn");
        SubmitApplicationRequest.Builder tooLong = request.toBuilder();
        tooLong.getNewFilingBuilder().getSubjectBuilder().setAddress("北京市" + "很长的路".repeat(80));
        tooLong.getNewFilingBuilder().getServicesBuilder(0).getWebsiteBuilder()
                .setHomeUrl("http://" + label + ".cn/" + "p".repeat(600));
        // 4 characters sent, 72 after NFKC: the limit counts what is stored
        tooLong.setRequestId("\uFDFA".repeat(4));
        Map<String, BadRequest.FieldViolation> violations = violations(tooLong.build());
        assertEquals("TOO_LONG", violations.get("new_filing.subject.address").getReason());
        assertEquals("TOO_LONG", violations.get("new_filing.services[0].website.home_url").getReason());
        assertEquals("TOO_LONG", violations.get("request_id").getReason());
    }

    @Test
    void controlAndBidiCharactersAreRefusedInNames() {
        String label = TestFilings.uniqueLabel();
        SubmitApplicationRequest.Builder request = TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn")
                .toBuilder();
        request.getNewFilingBuilder().getSubjectBuilder().setName("北京\u0000示例").setVerifiedName("北京\u0000示例");
        request.getNewFilingBuilder().getServicesBuilder(0).setName("示例\u202Egnp.exe");
        Map<String, BadRequest.FieldViolation> violations = violations(request.build());
        assertEquals("CONTROL_CHARACTER", violations.get("new_filing.subject.name").getReason());
        assertEquals("CONTROL_CHARACTER", violations.get("new_filing.services[0].name").getReason());
    }

    @Test
    void malformedProtobufAndInvalidUtf8AreInvalidArgument() {
        for (byte[] body : List.of(new byte[] {0x0a, (byte) 0xff, 0x01}, // a length past the end
                new byte[] {0x0a, 0x02, (byte) 0xc3, 0x28}, // request_id with invalid UTF-8
                nestedGroups(200))) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> rawSubmit(body));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            assertEquals("MALFORMED_REQUEST", ProviderApiTest.errorInfo(e).getReason());
        }
    }

    @Test
    void aRequestIdReusedForADifferentRequestIsRefused() {
        String label = TestFilings.uniqueLabel();
        SubmitApplicationRequest first = TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn").toBuilder()
                .setRequestId("req-" + label).build();
        Application original = submit(first);
        assertEquals(original.getId(), submit(first).getId(), "a retry of the same request is answered as before");

        SubmitApplicationRequest.Builder different = first.toBuilder();
        different.getNewFilingBuilder().getServicesBuilder(0).setName("另一个名字");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(different.build()));
        assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
        assertEquals("REQUEST_ID_REUSED", ProviderApiTest.errorInfo(e).getReason());
    }

    private SubmitApplicationRequest withWebsite(Website.Builder website) {
        String label = TestFilings.uniqueLabel();
        return SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(TestFilings.unit("北京" + label + "有限公司", "110108"))
                .addServices(TestFilings.website("站", "x.cn").toBuilder().setWebsite(website))).build();
    }

    private Map<String, BadRequest.FieldViolation> violations(SubmitApplicationRequest request) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> clients.provider(ApiClients.DEMO_KEY)
                .submitApplication(request));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
        return ProviderApiTest.badRequest(e).getFieldViolationsList().stream()
                .collect(Collectors.toMap(BadRequest.FieldViolation::getField, v -> v, (a, b) -> a));
    }

    /** Start-group tags (field 3, wire type 3) nested far deeper than the parser allows. */
    private static byte[] nestedGroups(int depth) {
        byte[] bytes = new byte[depth];
        java.util.Arrays.fill(bytes, (byte) 0x1b);
        return bytes;
    }

    private void rawSubmit(byte[] body) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), ApiClients.DEMO_KEY);
        MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(ProviderFilingServiceGrpc.getSubmitApplicationMethod().getFullMethodName())
                .setRequestMarshaller(RAW).setResponseMarshaller(RAW).build();
        ClientCalls.blockingUnaryCall(ClientInterceptors.intercept(clients.channel(),
                MetadataUtils.newAttachHeadersInterceptor(headers)), method, CallOptions.DEFAULT, body);
    }

    private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
}
