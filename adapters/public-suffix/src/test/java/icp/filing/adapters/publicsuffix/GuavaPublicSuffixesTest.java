package icp.filing.adapters.publicsuffix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.service.DomainName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuavaPublicSuffixesTest {
    private final GuavaPublicSuffixes suffixes = new GuavaPublicSuffixes();

    private Optional<String> registrable(String name) {
        return suffixes.registrableDomain(DomainName.parse(name)).map(DomainName::ascii);
    }

    @Test
    void findsTheRegistrableDomainUnderMultiLabelSuffixes() {
        assertEquals(Optional.of("example.com.cn"), registrable("www.shop.example.com.cn"));
        assertEquals(Optional.of("example.gov.cn"), registrable("example.gov.cn"));
        assertEquals(Optional.of("example.cn"), registrable("a.b.example.cn"));
    }

    @Test
    void handlesInternationalisedSuffixes() {
        assertEquals(Optional.of("xn--fsqu00a.xn--fiqs8s"), registrable("www.例子.中国"));
    }

    @Test
    void refusesPublicSuffixesThemselves() {
        assertTrue(registrable("com.cn").isEmpty());
        assertTrue(registrable("gov.cn").isEmpty());
    }

    @Test
    void refusesNamesUnderNoKnownSuffix() {
        assertTrue(registrable("example.notarealtld").isEmpty());
    }
}
