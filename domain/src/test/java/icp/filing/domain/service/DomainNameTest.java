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

    @Test
    void refusesLabelsThatCouldPassForAnotherName() {
        String[] lookalikes = {
            "\u0435xample.cn",          // a Cyrillic е among Latin letters
            "examp\u0142e.\u0441n",      // Latin with ł, and a Cyrillic с in the suffix
            "\u0441\u043e\u0441\u043e.com", // сосо: all Cyrillic, and it reads coco
            "\u0440\u0430\u0440\u0435\u0440.cn", // рарер: paper
            "\u03bf\u03c1\u03bf.cn", // ορο: Greek that reads "opo"
            "\u4f8b\u0430.cn",          // Han with Cyrillic
            "ex\u0430mple.cn".toUpperCase(java.util.Locale.ROOT),
            "\u0661\u0662\u0663" + "123.cn", // Arabic-Indic digits with ASCII ones
        };
        for (String name : lookalikes) {
            assertEquals(Reason.CONFUSABLE_DOMAIN, assertThrows(InvalidValueException.class,
                    () -> DomainName.parse(name), name).reason(), name);
            String ascii = java.net.IDN.toASCII(name.toLowerCase(java.util.Locale.ROOT), java.net.IDN.ALLOW_UNASSIGNED);
            assertEquals(Reason.CONFUSABLE_DOMAIN, assertThrows(InvalidValueException.class,
                    () -> DomainName.parse(ascii), ascii).reason(), "written in punycode: " + ascii);
        }
    }

    @Test
    void chineseLabelsWithDigitsAndHyphensAndPlainLatinStayValid() {
        for (String name : new String[] {"例子.中国", "示例-2024.cn", "北京123.com.cn", "中文域名.公司", "www.例子.cn",
                "例子abc.cn", "пример.рф", "xn--fsqu00a.xn--fiqs8s", "example.cn", "bücher.de"}) {
            DomainName.parse(name);
        }
    }
}
