package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class and reads the log the whole integration suite wrote: no certificate number,
 * phone or e-mail of a person that the tests sent may appear in it, from our code or any library's.
 */
@Order(Integer.MAX_VALUE)
@MicronautTest(transactional = false)
class LogPrivacyTest extends ApiTestSupport {

    @Test
    void theSuitesLogHoldsNoPersonalDataItSent() throws Exception {
        // the case that used to leak: a duplicate key on a person's identity, quoted by the driver at WARN
        String label = TestFilings.uniqueLabel();
        var person = TestFilings.person("赵六");
        submit(SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder().setSubject(person)
                .addServices(TestFilings.website("赵六的网站", label + ".cn"))).build());
        StatusRuntimeException again = assertThrows(StatusRuntimeException.class, () -> submit(
                SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder().setSubject(person)
                        .addServices(TestFilings.website("赵六的另一个网站", "other-" + label + ".cn"))).build()));
        assertEquals("OPEN_APPLICATION_EXISTS", ProviderApiTest.errorInfo(again).getReason());

        Path log = Path.of("target/test-logs/suite.log");
        String text = Files.readString(log);
        assertTrue(text.lines().count() > 20, "the suite's log is there: " + log.toAbsolutePath());
        List<String> leaked = TestFilings.PERSONAL_DATA_SENT.stream().filter(text::contains).toList();
        assertEquals(List.of(), leaked, "personal data in " + log.toAbsolutePath());
        assertTrue(TestFilings.PERSONAL_DATA_SENT.size() > 3, "the suite sent personal data to look for");
    }
}
