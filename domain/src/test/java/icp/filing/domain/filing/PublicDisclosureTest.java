package icp.filing.domain.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublicDisclosureTest {

    @Test
    void aPersonsNameIsMaskedAlsoInsideTheirServiceName() {
        assertEquals("王**的博客", PublicDisclosure.serviceName("王小五的博客", "王小五", true));
        assertEquals("**的随笔", PublicDisclosure.serviceName("小五的随笔", "王小五", true));
        assertEquals("欧****的站", PublicDisclosure.serviceName("欧阳小明明的站", "欧阳小明明", true));
        assertEquals("张*的三味书屋", PublicDisclosure.serviceName("张三的三味书屋", "张三", true));
    }

    @Test
    void aUnitsNamesStayAsFiled() {
        assertEquals("示例科技官网", PublicDisclosure.serviceName("示例科技官网", "示例科技", false));
    }
}
