package icp.filing.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import org.junit.jupiter.api.Test;

class DomainNameTest {

    @Test
    void convertsInternationalisedNamesToPunycode() {
        DomainName name = DomainName.parse("例子.中国");
        assertEquals("xn--fsqu00a.xn--fiqs8s", name.ascii());
        assertEquals("例子.中国", name.unicode());
    }

    @Test
    void lowerCasesAndDropsTheTrailingDotAndFullWidthForms() {
        assertEquals("www.example.com.cn", DomainName.parse("WWW.Example.COM.cn.").ascii());
        assertEquals("example.cn", DomainName.parse("ｅｘａｍｐｌｅ．ｃｎ").ascii());
        assertEquals("example.cn", DomainName.parse("example。cn").ascii());
    }

    @Test
    void refusesMalformedNames() {
        for (String bad : new String[] {"localhost", "-bad.cn", "bad-.cn", "a..cn", "under_score.cn", "example.c",
                "http://example.cn", "exa mple.cn", "a".repeat(64) + ".cn"}) {
            assertEquals(Reason.INVALID_DOMAIN, assertThrows(InvalidValueException.class,
                    () -> DomainName.parse(bad), bad).reason(), bad);
        }
    }

    @Test
    void knowsWhatLiesUnderAName() {
        assertTrue(DomainName.parse("www.shop.example.com.cn").isAtOrUnder(DomainName.parse("example.com.cn")));
        assertTrue(DomainName.parse("example.com.cn").isAtOrUnder(DomainName.parse("example.com.cn")));
        assertFalse(DomainName.parse("badexample.com.cn").isAtOrUnder(DomainName.parse("example.com.cn")));
    }
}
