package icp.filing.adapters.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
    private final Templates templates = new Templates("");

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "张三");
        fields.put("subjectName", "北京<示例>科技有限公司");
        fields.put("subjectNumber", "京ICP备2026000001号");
        fields.put("operation", "首次备案");
        fields.put("applicationId", "a-1");
        fields.put("decidedAt", "2026年3月2日 10:00");
        return fields;
    }

    private static List<Map<String, String>> services() {
        return List.of(Map.of("number", "京ICP备2026000001号-1", "name", "示例网", "kind", "网站", "website", "true"),
                Map.of("number", "京ICP备2026000001号-2A", "name", "示例", "kind", "APP", "app", "true"));
    }

    @Test
    void theApprovalEmailNamesEveryNumberAndWhereItMustBeShown() {
        String text = templates.render("email/approved.txt", fields(), services());
        assertTrue(text.contains("主体备案号：京ICP备2026000001号"), text);
        assertTrue(text.contains("网站“示例网”：京ICP备2026000001号-1"), text);
        assertTrue(text.contains("APP“示例”：京ICP备2026000001号-2A"), text);
        assertTrue(text.contains("https://beian.miit.gov.cn/"), "a website links its number to the ministry's site");
        assertTrue(text.contains("“关于”"), "an APP shows it in its about page");
        assertTrue(text.contains("北京<示例>科技有限公司"), "plain text is not escaped");
    }

    @Test
    void theHtmlPartEscapesValues() {
        String html = templates.render("email/approved.html", fields(), services());
        assertTrue(html.contains("北京&lt;示例&gt;科技有限公司"), html);
        assertFalse(html.contains("<示例>"));
        assertTrue(html.contains("<a href=\"https://beian.miit.gov.cn/\">"));
    }

    @Test
    void everyEmailTemplateHasItsSubjectTextAndHtml() {
        for (String template : List.of("approved", "returned", "revoked", "sms-expired")) {
            for (String part : List.of(".subject.txt", ".txt", ".html")) {
                assertTrue(templates.exists("email/" + template + part), template + part);
            }
        }
        assertTrue(templates.exists("sms/verification-code.txt"));
        assertTrue(templates.exists("sms/approved.txt"));
    }

    @Test
    void aFileInTheTemplatesDirectoryReplacesTheShippedOne(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sms"));
        Files.writeString(dir.resolve("sms/verification-code.txt"), "【某省管局】核验码 {{code}}");
        assertEquals("【某省管局】核验码 123456",
                new Templates(dir.toString()).render("sms/verification-code.txt", Map.of("code", "123456"), List.of()));
    }
}
