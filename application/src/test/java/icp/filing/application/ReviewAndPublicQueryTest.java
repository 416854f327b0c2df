package icp.filing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.application.query.PublicFiling;
import icp.filing.application.port.PublicRegister;
import icp.filing.application.query.PublicQuery;
import icp.filing.application.usecase.ReviewApplication;
import icp.filing.application.usecase.ReviewQueue;
import icp.filing.application.usecase.Reviewer;
import icp.filing.application.usecase.SubmitApplication;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.service.ServiceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewAndPublicQueryTest {
    private static final ProviderId PROVIDER = new ProviderId("demo");
    // 2025-12-31 17:00 UTC is already 2026-01-01 in Beijing: the number must carry 2026
    private final Clock clock = Clock.fixed(Instant.parse("2025-12-31T17:00:00Z"), ZoneOffset.UTC);
    private final InMemoryPorts ports = new InMemoryPorts();
    private final SubmitApplication submit = new SubmitApplication(ports.applicationStore, ports.checks(2),
            ports.suffixes, ports.transactions, clock, ports.smsStep(clock));
    private final ReviewQueue queue = ports.reviewQueue();
    private final ReviewApplication review = new ReviewApplication(queue, ports.applicationStore, ports.numbers,
            ports.register, ports.suffixes, ports.transactions, clock, ports.notifications(clock));
    private final PublicQuery query = new PublicQuery(ports.publicRegister, ports.suffixes);
    private final Reviewer beijing = new Reviewer("li", Province.BEIJING);

    /** Submitted, and confirmed by SMS by its principals: in the queue. */
    private Application beijingFiling(SubjectInput subject, String domain) {
        Application submitted = submit.submit(PROVIDER, Commands.newFiling(null, subject,
                Commands.website(domain, "www." + domain)));
        ports.confirmSms(clock);
        return ports.applicationStore.find(submitted.id()).orElseThrow();
    }

    @Test
    void approvalIssuesTheNextSerialOfTheProvinceAndChinasYear() {
        beijingFiling(Commands.unit("91110108551385082Q"), "one.com.cn");
        Application second = beijingFiling(Commands.unit("91110000000000001" + checkOf("91110000000000001")),
                "two.com.cn");
        review.approve(beijing, queue.list(beijing, second.state(), icp.filing.application.port.PageRequest.of(0, 10))
                .items().get(0).id().value());
        Filing filing = review.approve(beijing, second.id().value()).filing();
        assertEquals("京ICP备2026000002号", filing.subjectNumber().toString());
        assertEquals("京ICP备2026000002号-1", filing.services().get(0).number().toString());
    }

    @Test
    void approvalPutsOneSmsAndOneEmailPerPrincipalWithTheNumbersIntoTheOutbox() {
        Application application = beijingFiling(Commands.unit("91110108551385082Q"), "one.com.cn");
        review.approve(beijing, application.id().value());

        var sms = ports.outbox.messages(icp.filing.application.port.OutboxMessage.Channel.SMS).stream()
                .filter(m -> m.template().equals("approved")).toList();
        var mail = ports.outbox.messages(icp.filing.application.port.OutboxMessage.Channel.EMAIL);
        assertEquals(1, sms.size(), "the subject's and the service's principal are one person: one SMS");
        assertEquals(1, mail.size());
        assertEquals("京ICP备2026000001号", mail.get(0).fields().get("subjectNumber"));
        assertEquals("京ICP备2026000001号-1", mail.get(0).items().get(0).get("number"));
        assertEquals("true", mail.get(0).items().get(0).get("website"), "a website shows its number in its footer");
        assertEquals(sms.get(0).fields(), mail.get(0).fields());
        assertTrue(mail.get(0).key().startsWith("approved/" + application.id().value()), mail.get(0).key());
    }

    @Test
    void aReturnPutsTheReasonsInWordsIntoAnEmail() {
        Application application = beijingFiling(Commands.unit("91110108551385082Q"), "one.com.cn");
        review.returnToProvider(beijing, application.id().value(),
                List.of(icp.filing.domain.application.ReturnReason.DOMAIN_HOLDER_MISMATCH), "域名持有者不符");

        var mail = ports.outbox.messages(icp.filing.application.port.OutboxMessage.Channel.EMAIL);
        assertEquals(1, mail.size());
        assertEquals("returned", mail.get(0).template());
        assertEquals("域名持有者与主办者不一致", mail.get(0).items().get(0).get("text"));
        assertEquals("域名持有者不符", mail.get(0).fields().get("comment"));
    }

    @Test
    void anotherProvincesReviewerFindsNothing() {
        Application application = beijingFiling(Commands.unit("91110108551385082Q"), "one.com.cn");
        Reviewer shanghai = new Reviewer("wang", Province.SHANGHAI);
        assertThrows(NotFoundException.class, () -> review.approve(shanghai, application.id().value()));
        assertThrows(NotFoundException.class, () -> review.approve(beijing, "not-a-uuid"));
        assertTrue(ports.filings.isEmpty());
    }

    @Test
    void thePublicFindsByDomainSubdomainNumberAndName() {
        Application application = beijingFiling(Commands.unit("91110108551385082Q"), "shop.com.cn");
        Filing filing = review.approve(beijing, application.id().value()).filing();
        String number = filing.subjectNumber().toString();

        assertEquals(1, query.search("shop.com.cn", Optional.empty()).size());
        assertEquals(1, query.search("WWW.a.b.shop.com.cn", Optional.empty()).size());
        assertEquals(1, query.search(number, Optional.empty()).size());
        assertEquals(1, query.search(number + "-1", Optional.empty()).size());
        assertEquals(1, query.search("北京示例科技有限公司", Optional.empty()).size());
        assertTrue(query.search(number, Optional.of(ServiceKind.APP)).isEmpty());
        assertTrue(query.search("com.cn", Optional.empty()).isEmpty());

        PublicFiling found = query.search("shop.com.cn", Optional.empty()).get(0);
        assertEquals(LocalDate.of(2026, 1, 1), found.approvalDate());
        assertEquals(List.of("shop.com.cn", "www.shop.com.cn"), found.domains());
    }

    @Test
    void thePublicSeesAPersonsNameMasked() {
        SubjectInput person = new SubjectInput(5, "张三丰", 101, "11010519491231002X", null, null, Commands.PRINCIPAL, null, "张三丰", Commands.SUBJECT_MATERIALS);
        Application application = beijingFiling(person, "blog.cn");
        review.approve(beijing, application.id().value());
        assertEquals("张**", query.search("blog.cn", Optional.empty()).get(0).subjectName());
        assertTrue(query.search("张三丰", Optional.empty()).isEmpty());
    }

    /**
     * Without waiting, the query answers only from what the register has at hand; what it answers is what search
     * answers, and it refuses what search refuses.
     */
    @Test
    void aQueryAnsweredWithoutWaitingIsTheSearchOrNothing() {
        Application application = beijingFiling(Commands.unit("91110108551385082Q"), "shop.com.cn");
        String number = review.approve(beijing, application.id().value()).filing().subjectNumber().toString();
        assertTrue(query.searchWithoutWaiting("www.shop.com.cn", Optional.empty()).isEmpty(),
                "nothing at hand: the store must be read");
        assertEquals(Optional.of(List.of()), query.searchWithoutWaiting("com.cn", Optional.empty()),
                "no registrable domain: nothing can be filed under it, no read needed");

        PublicRegister keeping = new PublicRegister() {
            @Override
            public Optional<List<Entry>> kept(icp.filing.domain.service.DomainName registrableDomain) {
                return Optional.of(ports.publicRegister.byRegistrableDomain(registrableDomain));
            }

            @Override
            public List<Entry> byNumber(icp.filing.domain.number.FilingNumber n) {
                return ports.publicRegister.byNumber(n);
            }

            @Override
            public List<Entry> byRegistrableDomain(icp.filing.domain.service.DomainName d) {
                return ports.publicRegister.byRegistrableDomain(d);
            }

            @Override
            public List<Entry> byUnitName(String unitName) {
                return ports.publicRegister.byUnitName(unitName);
            }
        };
        PublicQuery atHand = new PublicQuery(keeping, ports.suffixes);
        assertEquals(Optional.of(atHand.search("WWW.a.b.shop.com.cn", Optional.empty())),
                atHand.searchWithoutWaiting("WWW.a.b.shop.com.cn", Optional.empty()));
        assertEquals(1, atHand.searchWithoutWaiting("https://shop.com.cn/x", Optional.empty()).orElseThrow().size());
        assertEquals(Optional.of(List.of()), atHand.searchWithoutWaiting("shop.com.cn", Optional.of(ServiceKind.APP)));
        assertTrue(atHand.searchWithoutWaiting(number, Optional.empty()).isEmpty(), "numbers are read from the store");
        assertTrue(atHand.searchWithoutWaiting("北京示例科技有限公司", Optional.empty()).isEmpty(), "names too");
        assertThrows(InvalidInputException.class, () -> atHand.searchWithoutWaiting(" ", Optional.empty()));
        List<String> batch = java.util.Arrays.asList("https://www.shop.com.cn/a", "free.cn", "not a domain", null);
        assertEquals(Optional.of(atHand.lookup(batch)), atHand.lookupWithoutWaiting(atHand.batch(batch)));
        assertTrue(query.lookupWithoutWaiting(query.batch(batch)).isEmpty(), "nothing at hand: the store must be read");
        assertTrue(atHand.lookupWithoutWaiting(atHand.batch(List.of("shop.com.cn", number))).isEmpty(),
                "numbers are read");
        assertThrows(InvalidInputException.class, () -> atHand.batch(List.of()));
        assertThrows(InvalidInputException.class, () -> atHand.batch(java.util.Collections.nCopies(
                101, "a.cn")));
        assertThrows(InvalidInputException.class, () -> atHand.searchWithoutWaiting("a".repeat(201) + ".cn",
                Optional.empty()));
    }

    @Test
    void anEmptyQueryIsRefused() {
        assertThrows(InvalidInputException.class, () -> query.search("  ", Optional.empty()));
    }

    private static char checkOf(String first17) {
        return icp.filing.domain.identity.CreditCode.checkCharacter(first17);
    }
}
