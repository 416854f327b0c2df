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

    /** Names already in lower-case ASCII skip NFKC and IDN; they come out as the full path would make them. */
    @Test
    void aNameAlreadyInAsciiComesOutAsTheFullPathWouldMakeIt() {
        assertEquals(DomainName.parse("WWW.Example.COM.cn."), DomainName.parse("www.example.com.cn."));
        assertEquals(DomainName.parse("例子.中国"), DomainName.parse("xn--fsqu00a.xn--fiqs8s"));
        assertEquals("例子.中国", DomainName.parse("xn--fsqu00a.xn--fiqs8s").unicode());
        assertEquals("www.example.cn", DomainName.parse("www.example.cn").unicode());
        for (String bad : new String[] {"..", "a.", ".cn", "-.cn", "a.-", "a.c-n", "a.c1"}) {
            assertEquals(Reason.INVALID_DOMAIN, assertThrows(InvalidValueException.class,
                    () -> DomainName.parse(bad), bad).reason(), bad);
        }
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
