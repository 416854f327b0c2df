package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.Courier;
import icp.filing.application.port.OutboxMessage;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A relay round's uploads to the national register read their filings together: each filing stored is uploaded as it
 * is now, in the round's order, and a number not stored here fails for good without keeping the others out.
 */
@MicronautTest(transactional = false)
class UploadRoundTest extends ApiTestSupport {
    @Inject
    List<Courier> couriers;

    @Test
    void aRoundUploadsEachStoredFilingAndRefusesTheUnknownOne() {
        String first = filed();
        String second = filed();
        String unknown = "京ICP备2026999999号";
        Courier uploads = couriers.stream().filter(c -> c.channel() == OutboxMessage.Channel.MINISTRY_UPLOAD)
                .findFirst().orElseThrow();

        List<Courier.Outcome> outcomes = uploads.deliverAll(List.of(upload(first), upload(unknown), upload(second),
                upload(first)));

        assertEquals(4, outcomes.size());
        for (int i : new int[] {0, 2, 3}) {
            assertNull(outcomes.get(i).failure(), "outcome " + i);
            // the relay uploaded each once already: the register answers that it has this version
            assertTrue(outcomes.get(i).references().get(0).matches("DUPLICATE v\\d+"),
                    outcomes.get(i).references().toString());
        }
        Courier.DeliveryFailedException refused = assertInstanceOf(Courier.DeliveryFailedException.class,
                outcomes.get(1).failure());
        assertTrue(refused.permanent(), "a filing not stored here will not be uploaded by trying again");
    }

    private String filed() {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        String number = (String) approve(submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                domain)).getId()).get("subjectNumber");
        RecordingSmsCentre.settle(context, OutboxMessage.Channel.MINISTRY_UPLOAD);
        return number;
    }

    private static OutboxMessage upload(String subjectNumber) {
        return new OutboxMessage(OutboxMessage.Channel.MINISTRY_UPLOAD, "upload/" + subjectNumber + "/"
                + UUID.randomUUID(), subjectNumber, "filing", Map.of(), List.of(), false);
    }
}
