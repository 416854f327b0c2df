package icp.filing.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.application.port.PublicRegister.Entry;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.service.ServiceKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicAnswersTest {
    @Test
    void entriesComeBackAsTheyWereWrittenWhateverTheirNamesHold() {
        List<Entry> entries = List.of(
                new Entry("北京合成:科技;有限公司 12:3", false, "企业", "京ICP备2024000001号",
                        "京ICP备2024000001号-1", ServiceKind.WEBSITE, "官网 1;2:3-", List.of("例子.中国", "www.syn.cn"),
                        "https://www.syn.cn/", null, null, Instant.parse("2024-03-01T02:03:04.123456Z"),
                        List.of(PreApprovalType.values()[0])),
                new Entry("张三", true, "个人", "京ICP备2024000001号", "京ICP备2024000001号-2A", ServiceKind.APP, "-",
                        List.of(), null, "ANDROID", "cn.example.app", Instant.parse("2024-03-02T00:00:00Z"),
                        List.of()));
        assertEquals(entries, PublicAnswers.decode(PublicAnswers.encode(entries)));
        assertEquals(List.of(), PublicAnswers.decode(PublicAnswers.encode(List.of())));
    }

    @Test
    void anAnswerOfAnotherFormatIsRefusedNotMisread() {
        assertThrows(IllegalArgumentException.class, () -> PublicAnswers.decode("2;0;"));
        assertThrows(IllegalArgumentException.class, () -> PublicAnswers.decode("1"));
    }
}
