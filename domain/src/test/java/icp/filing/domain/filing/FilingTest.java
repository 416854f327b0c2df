package icp.filing.domain.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.application.Actor;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.FilingChange;
import icp.filing.domain.application.IdempotencyKey;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.error.Violation;
import icp.filing.domain.filing.FilingEvent.Kind;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.App;
import icp.filing.domain.service.AppPlatform;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Fingerprint;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.PackageName;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import icp.filing.domain.subject.SubjectNature;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FilingTest {
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final ProviderId FIRST = new ProviderId("first-cloud");
    private static final ProviderId SECOND = new ProviderId("second-cloud");
    private static final PublicSuffixes SUFFIXES = d -> Optional.of(d.ascii().startsWith("www.")
            ? new DomainName(d.ascii().substring(4)) : d);
    private static final Principal PRINCIPAL = new Principal("张三", CertificateType.RESIDENT_ID_CARD,
            "11010519491231002X", null, new PhoneNumber("13800138000"), new EmailAddress("zhang@example.cn"));
    private static final Access ACCESS = new Access(AccessMethod.CLOUD, List.of(), Province.BEIJING);
    private static final Subject UNIT = new Subject(SubjectNature.ENTERPRISE, "北京示例科技有限公司",
            CertificateType.UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE, "91110108551385082Q", null, Province.BEIJING,
            "北京市海淀区", PRINCIPAL);
    private static final FilingNumber SUBJECT_NUMBER = FilingNumber.issue(Province.BEIJING, 2026, 1);

    private static Website website(String name, String... domains) {
        return new Website(name, List.of(domains).stream().map(DomainName::parse).toList(), null, PRINCIPAL, ACCESS);
    }

    private static App app(String packageName) {
        return new App("示例APP", AppPlatform.ANDROID, PackageName.parse(packageName),
                Fingerprint.parse("AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99"), PRINCIPAL, ACCESS);
    }

    private static Filing filed(Service... services) {
        return Filing.open(SUBJECT_NUMBER, UNIT, List.of(services), approval(FIRST), SUFFIXES);
    }

    private static final Actor REVIEWER = Actor.reviewer("bj-reviewer");

    private static Approval approval(ProviderId provider) {
        return new Approval(ApplicationId.random(), provider, REVIEWER, T0);
    }

    private static FilingNumber number(String suffix) {
        return FilingNumber.parse(SUBJECT_NUMBER + "-" + suffix);
    }

    @Test
    void everyEntryOfAnApprovalNamesTheReviewerAndTheProvider() {
        Filing filing = filed(website("示例网", "www.example.cn"), app("cn.example.app"));
        filing.cancelService(number("2A"), approval(FIRST));
        filing.addAccess(number("1"), ACCESS, approval(SECOND));
        for (FilingEvent event : filing.newEvents()) {
            assertEquals(REVIEWER, event.bureauUser(), event.kind() + " names who approved it");
            assertTrue(event.provider() != null, event.kind() + " names whose request it was");
        }
        filing.changeAccess(number("1"), SECOND, ACCESS, T0);
        FilingEvent own = filing.newEvents().get(filing.newEvents().size() - 1);
        assertEquals(SECOND, own.provider(), "a provider's own act names the provider");
    }

    @Test
    void addedServicesContinueTheSequenceEvenPastCancelledNumbers() {
        Filing filing = filed(website("示例网", "www.example.cn"), app("cn.example.app"));
        filing.cancelService(number("2A"), approval(FIRST));

        List<FiledService> added = filing.addServices(List.of(website("新网站", "new.cn")), approval(FIRST),
                SUFFIXES);

        assertEquals(number("3"), added.get(0).number());
        assertEquals(4, filing.nextServiceSequence());
        assertEquals(FilingState.CANCELLED, filing.service(number("2A")).orElseThrow().state());
        assertEquals(List.of(number("1"), number("3")),
                filing.filedServices().stream().map(FiledService::number).toList());
    }

    @Test
    void cancellingTheLastServiceCancelsTheSubject() {
        Filing filing = filed(website("示例网", "example.cn"), website("二号网", "two.cn"));
        filing.cancelService(number("1"), approval(FIRST));
        assertTrue(filing.isFiled());

        filing.cancelService(number("2"), approval(FIRST));

        assertEquals(FilingState.CANCELLED, filing.state());
        assertEquals(Kind.SUBJECT_CANCELLED, filing.newEvents().get(filing.newEvents().size() - 1).kind());
        StateConflictException e = assertThrows(StateConflictException.class, () -> filing.addServices(
                List.of(website("又一个", "again.cn")), approval(FIRST), SUFFIXES));
        assertEquals(Reason.SUBJECT_NOT_FILED, e.reason());
    }

    @Test
    void aCancelledServiceCannotBeChangedOrCancelledAgain() {
        Filing filing = filed(website("示例网", "example.cn"), website("二号网", "two.cn"));
        filing.cancelService(number("1"), approval(FIRST));

        assertEquals(Reason.SERVICE_NOT_FILED, assertThrows(StateConflictException.class,
                () -> filing.cancelService(number("1"), approval(FIRST))).reason());
        assertEquals(Reason.SERVICE_NOT_FILED, assertThrows(StateConflictException.class,
                () -> filing.changeAccess(number("1"), FIRST, ACCESS, T0)).reason());
        assertEquals(Reason.FILING_NOT_FOUND, assertThrows(NotFoundException.class,
                () -> filing.cancelService(number("9"), approval(FIRST))).reason());
    }

    @Test
    void cancellingTheSubjectCancelsEveryServiceAndFreesNothingTwice() {
        Filing filing = filed(website("示例网", "example.cn"), app("cn.example.app"));
        filing.cancelSubject(approval(FIRST));

        assertFalse(filing.isFiled());
        assertTrue(filing.filedServices().isEmpty());
        assertEquals(Reason.SUBJECT_NOT_FILED, assertThrows(StateConflictException.class,
                () -> filing.cancelSubject(approval(FIRST))).reason());
    }

    @Test
    void changeReplacesTheServiceAndItsRegistrableDomains() {
        Filing filing = filed(website("示例网", "www.example.cn", "www.other.cn"));
        ApplicationId change = ApplicationId.random();

        filing.changeService(number("1"), website("新名字", "www.example.cn"),
                new Approval(change, FIRST, REVIEWER, T0), SUFFIXES);

        FiledService changed = filing.service(number("1")).orElseThrow();
        assertEquals("新名字", changed.service().name());
        assertEquals(List.of(DomainName.parse("example.cn")), changed.registrableDomains());
        assertEquals(new ContentSource(change, 0, T0), changed.source());
    }

    @Test
    void accessRecordsPerProviderAndTheShellWhenNoneIsLeft() {
        Filing filing = filed(website("示例网", "example.cn"));
        Access other = new Access(AccessMethod.DEDICATED_LINE, List.of(new IpAddress("203.0.113.7")), Province.SHANGHAI);

        filing.addAccess(number("1"), other, approval(SECOND));
        assertEquals(Reason.ALREADY_HOSTED, assertThrows(AlreadyExistsException.class,
                () -> filing.addAccess(number("1"), other, approval(SECOND))).reason());
        filing.cancelAccess(number("1"), FIRST, T0);

        FiledService service = filing.service(number("1")).orElseThrow();
        assertFalse(service.isShell());
        assertFalse(filing.isHostedBy(FIRST));
        assertTrue(filing.isHostedBy(SECOND));
        assertEquals(other, service.access(SECOND).orElseThrow().access());
        // a provider that no longer hosts the service cannot touch its access: it learns nothing of it
        assertEquals(Reason.FILING_NOT_FOUND, assertThrows(NotFoundException.class,
                () -> filing.cancelAccess(number("1"), FIRST, T0)).reason());

        filing.cancelAccess(number("1"), SECOND, T0);
        assertTrue(filing.service(number("1")).orElseThrow().isShell());
        assertFalse(filing.hostsFiledService(SECOND));
        assertTrue(filing.service(number("1")).orElseThrow().isFiled());
    }

    @Test
    void changeAccessTouchesOnlyTheCallersRecordAndIsRecorded() {
        Filing filing = filed(website("示例网", "example.cn"));
        filing.addAccess(number("1"), ACCESS, approval(SECOND));
        Access moved = new Access(AccessMethod.VIRTUAL_HOST, List.of(new IpAddress("198.51.100.1")), Province.HEBEI);

        filing.changeAccess(number("1"), SECOND, moved, T0.plusSeconds(5));

        FiledService service = filing.service(number("1")).orElseThrow();
        assertEquals(moved, service.access(SECOND).orElseThrow().access());
        assertEquals(ACCESS, service.access(FIRST).orElseThrow().access());
        FilingEvent last = filing.newEvents().get(filing.newEvents().size() - 1);
        assertEquals(new FilingEvent(Kind.ACCESS_CHANGED, number("1"), SECOND, null, T0.plusSeconds(5)), last);
    }

    @Test
    void domainsMayShrinkButNotGrowAndIdentitiesStay() {
        FiledService site = filed(website("示例网", "a.cn", "b.cn")).service(number("1")).orElseThrow();

        assertEquals(List.of(), ServiceChangePolicy.check(site, website("示例网", "a.cn"), "change_service.service"));
        List<Violation> grown = ServiceChangePolicy.check(site, website("示例网", "a.cn", "c.cn"),
                "change_service.service");
        assertEquals(List.of(new Violation("change_service.service.website.domains[1]", Reason.DOMAINS_ONLY_SHRINK,
                grown.get(0).message())), grown);
        assertEquals(Reason.NO_CHANGE, ServiceChangePolicy.check(site, website("示例网", "a.cn", "b.cn"), "p")
                .get(0).reason());
        assertEquals(Reason.SERVICE_IDENTITY_FIXED, ServiceChangePolicy.check(site, app("cn.example.app"), "p")
                .get(0).reason());

        FiledService filedApp = filed(app("cn.example.app")).service(number("1A")).orElseThrow();
        assertEquals("p.app.package_name", ServiceChangePolicy.check(filedApp, app("cn.example.other"), "p")
                .get(0).field());
    }

    @Test
    void addAccessMustDescribeTheServiceFiled() {
        FiledService site = filed(website("示例网", "a.cn", "b.cn")).service(number("1")).orElseThrow();

        assertEquals(List.of(), ServiceChangePolicy.checkSameService(site, website("示例网", "b.cn", "a.cn"), "p"));
        assertEquals(Reason.SERVICE_DATA_MISMATCH, ServiceChangePolicy.checkSameService(site,
                website("别的网", "a.cn", "b.cn"), "p").get(0).reason());
        assertEquals(Reason.SERVICE_DATA_MISMATCH, ServiceChangePolicy.checkSameService(site,
                website("示例网", "a.cn"), "p").get(0).reason());
    }

    @Test
    void aSubjectKeepsItsNatureAndProvinceAndChangesItsNameOnlyWithNewCertificate() {
        Subject moved = new Subject(SubjectNature.ENTERPRISE, UNIT.name(), UNIT.certificateType(),
                UNIT.certificateNumber(), null, Province.SHANGHAI, "上海市", PRINCIPAL);
        Subject renamed = new Subject(SubjectNature.ENTERPRISE, "北京新名科技有限公司", UNIT.certificateType(),
                UNIT.certificateNumber(), null, Province.BEIJING, UNIT.address(), PRINCIPAL);
        Subject readdressed = new Subject(SubjectNature.ENTERPRISE, UNIT.name(), UNIT.certificateType(),
                UNIT.certificateNumber(), null, Province.BEIJING, "北京市朝阳区", PRINCIPAL);

        assertEquals("s.province_code", SubjectChangePolicy.check(UNIT, moved, true, "s").get(0).field());
        assertEquals(Reason.SUBJECT_IDENTITY_FIXED, SubjectChangePolicy.check(UNIT, moved, true, "s").get(0).reason());
        assertEquals(new Violation("s.material_ids", Reason.MATERIALS_INCOMPLETE,
                SubjectChangePolicy.check(UNIT, renamed, false, "s").get(0).message()),
                SubjectChangePolicy.check(UNIT, renamed, false, "s").get(0));
        assertEquals(List.of(), SubjectChangePolicy.check(UNIT, renamed, true, "s"));
        assertEquals(List.of(), SubjectChangePolicy.check(UNIT, readdressed, false, "s"));
        assertEquals(Reason.NO_CHANGE, SubjectChangePolicy.check(UNIT, UNIT, false, "s").get(0).reason());
    }

    @Test
    void anApprovedChangeTakesEffectAndRecordsTheNumbersItWasAbout() {
        Filing filing = filed(website("示例网", "example.cn"));
        Application add = Application.submit(ApplicationId.random(), FIRST, new IdempotencyKey("r-2", "d"),
                new FilingChange.AddServices(SUBJECT_NUMBER, UNIT, List.of(app("cn.example.app"),
                        website("三号网", "three.cn"))), List.of(), T0);
        add.awaitSmsConfirmation(T0);
        add.acceptIntoReview(T0);

        add.approveChange(Actor.reviewer("li"), T0, filing, SUFFIXES);

        assertEquals(List.of(number("2A"), number("3")), add.serviceNumbers());
        assertEquals(SUBJECT_NUMBER, add.subjectNumber().orElseThrow());
        assertEquals(3, filing.filedServices().size());
    }

    @Test
    void aChangeOfAnotherFilingIsNotApplied() {
        Filing filing = filed(website("示例网", "example.cn"));
        Application cancel = Application.submit(ApplicationId.random(), FIRST, null, new FilingChange.CancelSubject(
                FilingNumber.issue(Province.BEIJING, 2026, 2), UNIT), List.of(), T0);
        cancel.awaitSmsConfirmation(T0);
        cancel.acceptIntoReview(T0);

        assertThrows(IllegalArgumentException.class, () -> cancel.approveChange(Actor.reviewer("li"), T0, filing,
                SUFFIXES));
        assertTrue(filing.isFiled());
    }

    @Test
    void theReviewerSeesWhatAChangeChangesFieldByField() {
        Principal other = new Principal("李四", CertificateType.RESIDENT_ID_CARD, "11010519491231002X", null,
                new PhoneNumber("13900139000"), new EmailAddress("zhang@example.cn"));
        Subject after = new Subject(SubjectNature.ENTERPRISE, UNIT.name(), UNIT.certificateType(),
                UNIT.certificateNumber(), null, Province.BEIJING, "北京市朝阳区", other);

        assertEquals(List.of(new FieldChange("address", "北京市海淀区", "北京市朝阳区"),
                new FieldChange("principal.name", "张三", "李四"),
                new FieldChange("principal.phone", "13800138000", "13900139000")), FieldChange.of(UNIT, after));
        assertEquals(List.of(new FieldChange("name", "示例网", "新名字"),
                        new FieldChange("website.domains", "a.cn, b.cn", "a.cn")),
                FieldChange.of(website("示例网", "a.cn", "b.cn"), website("新名字", "a.cn")).subList(0, 2));
        assertEquals(List.of(), FieldChange.of(UNIT, UNIT));
    }

    @Test
    void aRegistrableDomainBelongsToOneSubjectAndADomainIsFiledOnce() {
        Filing own = filed(website("示例网", "www.example.cn"));
        FilingNumber other = FilingNumber.issue(Province.BEIJING, 2026, 2);
        RegisterUniquenessPolicy policy = new RegisterUniquenessPolicy(
                FilingTest::lastTwoLabels,
                d -> d.ascii().equals("example.cn") ? Optional.of(SUBJECT_NUMBER)
                        : d.ascii().equals("taken.cn") ? Optional.of(other) : Optional.empty(),
                app -> app.key().equals("cn.filed.app"));

        assertEquals(List.of(), policy.check(List.of(website("博客", "blog.example.cn")), List.of("s[0]"), own),
                "the owner adds another name under its own registrable domain");
        assertEquals(List.of("s[0].website.domains[0]", "s[1].website.domains[1]", "s[2].app.package_name"),
                policy.check(List.of(website("重复", "www.example.cn"), website("他人的", "free.cn", "taken.cn"),
                        app("cn.filed.app")), List.of("s[0]", "s[1]", "s[2]"), own).stream()
                        .map(Violation::field).toList());
        assertEquals(Reason.DOMAIN_ALREADY_FILED, policy.check(List.of(website("新主体", "blog.example.cn")),
                List.of("n[0]"), null).get(0).reason(), "for a new subject the domain is another's");
    }

    @Test
    void theBureauRevokesAServiceThenTheLastOneAndWithItTheSubject() {
        Filing filing = filed(website("示例网", "example.cn"), website("二号网", "two.cn"));
        Actor supervisor = new Actor(Actor.Kind.BUREAU_SUPERVISOR, "bj-supervisor");

        filing.revoke(number("1"), supervisor, List.of(RevocationReason.SPREADS_RUMOURS), "散布谣言", T0);
        assertEquals(FilingState.REVOKED, filing.service(number("1")).orElseThrow().state());
        assertTrue(filing.isFiled());
        assertEquals(Reason.SERVICE_NOT_FILED, assertThrows(StateConflictException.class, () -> filing.revoke(
                number("1"), supervisor, List.of(RevocationReason.SHELL), null, T0)).reason(), "revoked already");

        filing.revoke(SUBJECT_NUMBER, supervisor, List.of(RevocationReason.FALSE_INFORMATION), null, T0);
        assertEquals(FilingState.REVOKED, filing.state());
        assertEquals(FilingState.REVOKED, filing.service(number("2")).orElseThrow().state());
        FilingEvent last = filing.newEvents().get(filing.newEvents().size() - 1);
        assertEquals(FilingEvent.Kind.SUBJECT_REVOKED, last.kind());
        assertEquals(List.of("FALSE_INFORMATION"), last.reasons());
        assertEquals(supervisor, last.bureauUser());
        assertEquals(Reason.SUBJECT_NOT_FILED, assertThrows(StateConflictException.class, () -> filing.revoke(
                SUBJECT_NUMBER, supervisor, List.of(RevocationReason.SHELL), null, T0)).reason());
    }

    @Test
    void onlyAShellIsCleanedUpAndTheLastOneTakesTheSubject() {
        Filing filing = filed(website("示例网", "example.cn"));
        Actor supervisor = new Actor(Actor.Kind.BUREAU_SUPERVISOR, "bj-supervisor");
        assertEquals(Reason.NOT_A_SHELL, assertThrows(StateConflictException.class,
                () -> filing.cleanUpShell(number("1"), supervisor, T0)).reason());

        filing.cancelAccess(number("1"), FIRST, T0);
        filing.cleanUpShell(number("1"), supervisor, T0);

        assertEquals(FilingState.CANCELLED, filing.state());
        assertEquals(List.of("SHELL"), filing.newEvents().get(filing.newEvents().size() - 1).reasons());
    }

    /** The registrable domain under a one-label suffix such as .cn, as the tests' names have it. */
    private static DomainName lastTwoLabels(DomainName domain) {
        String[] labels = domain.ascii().split("\\.");
        return new DomainName(labels[labels.length - 2] + "." + labels[labels.length - 1]);
    }
}
