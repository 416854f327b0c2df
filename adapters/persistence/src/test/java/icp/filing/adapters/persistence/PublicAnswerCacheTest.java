package icp.filing.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.PublicRegister.Entry;
import icp.filing.domain.service.ServiceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicAnswerCacheTest {
    private static final Entry SHOP = new Entry("示例单位", false, "企业", "京ICP备2026000001号",
            "京ICP备2026000001号-1", ServiceKind.WEBSITE, "示例网站", List.of("shop.cn"), "https://shop.cn/", null, null,
            Instant.parse("2026-01-01T00:00:00Z"), List.of());

    private final PublicAnswerCache cache = new PublicAnswerCache(1000, Duration.ofMinutes(1));

    @Test
    void anAnswerReadIsKeptAndNothingFiledToo() {
        cache.keep("shop.cn", List.of(SHOP), cache.generation());
        cache.keep("free.cn", List.of(), cache.generation());
        assertEquals(Optional.of(List.of(SHOP)), cache.kept("shop.cn"));
        assertEquals(Optional.of(List.of()), cache.kept("free.cn"));
        assertEquals(Optional.empty(), cache.kept("never-asked.cn"));
    }

    @Test
    void aKeptAnswerCannotBeChangedThroughTheListItWasGiven() {
        List<Entry> read = new ArrayList<>(List.of(SHOP));
        cache.keep("shop.cn", read, cache.generation());
        read.clear();
        assertEquals(List.of(SHOP), cache.kept("shop.cn").orElseThrow());
        assertThrows(UnsupportedOperationException.class, () -> cache.kept("shop.cn").orElseThrow().clear());
    }

    @Test
    void aChangeEmptiesTheCache() {
        cache.keep("shop.cn", List.of(SHOP), cache.generation());
        cache.changed();
        assertEquals(Optional.empty(), cache.kept("shop.cn"));
    }

    /** Read before a change ended, kept after it: the answer may be the old one, so it is not kept. */
    @Test
    void anAnswerReadWhileTheRegisterChangedIsNotKept() {
        long readAt = cache.generation();
        cache.changed();
        cache.keep("shop.cn", List.of(SHOP), readAt);
        assertEquals(Optional.empty(), cache.kept("shop.cn"));
        cache.keep("shop.cn", List.of(SHOP), cache.generation());
        assertEquals(Optional.of(List.of(SHOP)), cache.kept("shop.cn"));
    }

    /** What another node changed is seen here once the kept answer has aged out. */
    @Test
    void anAnswerAgesOut() throws InterruptedException {
        PublicAnswerCache brief = new PublicAnswerCache(1000, Duration.ofMillis(50));
        brief.keep("shop.cn", List.of(SHOP), brief.generation());
        Thread.sleep(200);
        assertEquals(Optional.empty(), brief.kept("shop.cn"));
    }

    @Test
    void zeroEntriesOrZeroAgeKeepNothing() {
        for (PublicAnswerCache off : List.of(new PublicAnswerCache(0, Duration.ofSeconds(5)),
                new PublicAnswerCache(1000, Duration.ZERO))) {
            off.keep("shop.cn", List.of(SHOP), off.generation());
            assertEquals(Optional.empty(), off.kept("shop.cn"));
            off.changed();
        }
    }

    @Test
    void sizesAndAgesOutOfBoundsAreRefusedNamingTheProperty() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PublicAnswerCache(-1, Duration.ofSeconds(5)))
                .getMessage().contains("icp.public.cache.max-entries"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PublicAnswerCache(10, Duration.ofMinutes(2)))
                .getMessage().contains("icp.public.cache.ttl"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PublicAnswerCache(10, Duration.ofSeconds(-1)))
                .getMessage().contains("icp.public.cache.ttl"));
    }
}
