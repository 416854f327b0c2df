package icp.filing.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.application.Actor;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.filing.Approval;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import icp.filing.domain.subject.SubjectNature;
import icp.filing.proto.provider.v1.FiledService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What GetFiling promises a provider sees of a filing: its own services in full, the others as the public does. */
class FilingMessagesTest {
    private static final ProviderId FIRST = new ProviderId("first");
    private static final ProviderId SECOND = new ProviderId("second");
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void aServiceTheCallerDoesNotHostShowsAsInThePublicQuery() {
        Principal person = new Principal("王小五", CertificateType.RESIDENT_ID_CARD, "11010519491231002X", null,
                new PhoneNumber("13800138000"), new EmailAddress("wang@example.cn"));
        Subject subject = new Subject(SubjectNature.PERSON, "王小五", CertificateType.RESIDENT_ID_CARD,
                "11010519491231002X", null, Province.BEIJING, null, person);
        Access first = new Access(AccessMethod.CLOUD, List.of(new IpAddress("203.0.113.1")), Province.BEIJING);
        Filing filing = Filing.open(FilingNumber.issue(Province.BEIJING, 2026, 9), subject, List.of(
                new Website("王小五的博客", List.of(DomainName.parse("blog.cn")), null, person, first),
                new Website("王小五的相册", List.of(DomainName.parse("photos.cn")), null, person, first)),
                new Approval(ApplicationId.random(), FIRST, Actor.reviewer("bj-reviewer"), T0), d -> Optional.of(d));
        Access second = new Access(AccessMethod.VIRTUAL_HOST, List.of(new IpAddress("198.51.100.2")), null);
        filing.addAccess(FilingNumber.parse("京ICP备2026000009号-2"), second,
                new Approval(ApplicationId.random(), SECOND, Actor.reviewer("bj-reviewer"), T0));

        var seen = FilingMessages.toMessage(filing, SECOND, List.of());

        assertEquals("王小五", seen.getSubjectName());
        FiledService notHosted = seen.getServices(0);
        assertFalse(notHosted.getHostedByCaller());
        assertEquals("王**的博客", notHosted.getName());
        assertEquals(List.of(), notHosted.getDomainsList());
        assertFalse(notHosted.hasAccess());
        FiledService hosted = seen.getServices(1);
        assertTrue(hosted.getHostedByCaller());
        assertEquals("王小五的相册", hosted.getName());
        assertEquals(List.of("photos.cn"), hosted.getDomainsList());
        assertEquals(List.of("198.51.100.2"), hosted.getAccess().getIpAddressesList(), "its own access, not the first's");
        assertEquals(2, hosted.getProviderCount());
    }
}
