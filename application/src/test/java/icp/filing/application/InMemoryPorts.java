package icp.filing.application;

import icp.filing.application.port.Applications;
import icp.filing.application.port.FilingNumbers;
import icp.filing.application.port.Filings;
import icp.filing.application.port.Materials;
import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import icp.filing.application.port.PublicRegister;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.material.Material;
import icp.filing.domain.material.MaterialFormat;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialKind;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** In-memory out-ports for use-case tests: the same contracts as the MariaDB adapters, no database. */
final class InMemoryPorts {
    static final String SUBJECT_CERTIFICATE = "00000000-0000-4000-8000-000000000001";
    static final String SUBJECT_PRINCIPAL_ID = "00000000-0000-4000-8000-000000000002";
    static final String VERIFICATION_FORM = "00000000-0000-4000-8000-000000000003";
    static final String SERVICE_PRINCIPAL_ID = "00000000-0000-4000-8000-000000000004";
    static final String SERVICE_PRINCIPAL_PHOTO = "00000000-0000-4000-8000-000000000005";
    static final String NAME_APPROVAL_DOCUMENT = "00000000-0000-4000-8000-000000000006";
    static final String PRE_APPROVAL_DOCUMENT = "00000000-0000-4000-8000-000000000007";

    final Map<MaterialId, Material> materialStore = new HashMap<>();
    final Map<MaterialId, byte[]> materialContent = new HashMap<>();

    InMemoryPorts() {
        seed(SUBJECT_CERTIFICATE, MaterialKind.SUBJECT_CERTIFICATE);
        seed(SUBJECT_PRINCIPAL_ID, MaterialKind.SUBJECT_PRINCIPAL_ID);
        seed(VERIFICATION_FORM, MaterialKind.VERIFICATION_FORM);
        seed(SERVICE_PRINCIPAL_ID, MaterialKind.SERVICE_PRINCIPAL_ID);
        seed(SERVICE_PRINCIPAL_PHOTO, MaterialKind.SERVICE_PRINCIPAL_PHOTO);
        seed(NAME_APPROVAL_DOCUMENT, MaterialKind.NAME_APPROVAL_DOCUMENT);
        seed(PRE_APPROVAL_DOCUMENT, MaterialKind.PRE_APPROVAL_DOCUMENT);
    }

    private void seed(String id, MaterialKind kind) {
        materials.add(new Material(new MaterialId(id), new ProviderId("demo"), kind, MaterialFormat.PDF, 5, "0".repeat(64),
                java.time.Instant.EPOCH), icp.filing.application.port.MaterialContent.of("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    final Materials materials = new Materials() {
        @Override
        public void add(Material material, icp.filing.application.port.MaterialContent content) {
            materialStore.put(material.id(), material);
            try (var in = content.open()) {
                materialContent.put(material.id(), in.readAllBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public List<Material> findAll(java.util.Collection<MaterialId> ids) {
            return ids.stream().map(materialStore::get).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public Optional<Material> findByContent(ProviderId provider, MaterialKind kind, String sha256) {
            return materialStore.values().stream().filter(m -> m.provider().equals(provider) && m.kind() == kind
                    && m.sha256().equals(sha256)).findFirst();
        }

        @Override
        public Optional<byte[]> content(MaterialId id) {
            return Optional.ofNullable(materialContent.get(id));
        }
    };
    static final java.time.Clock MARCH_2026 = java.time.Clock.fixed(java.time.Instant.parse("2026-03-02T02:00:00Z"),
            java.time.ZoneOffset.UTC);

    /** The verification codes put into the outbox and not yet confirmed here, as (phone, code). */
    final List<String[]> sentSms = new ArrayList<>();
    /** What the use cases put into the outbox. */
    final InMemoryOutbox outbox = new InMemoryOutbox(sentSms);
    final Map<ApplicationId, icp.filing.domain.verification.SmsVerification> smsStore = new LinkedHashMap<>();
    final icp.filing.application.port.SmsVerifications smsVerifications =
            new icp.filing.application.port.SmsVerifications() {
        @Override
        public void start(icp.filing.domain.verification.SmsVerification verification) {
            smsStore.put(verification.application(), verification);
        }

        @Override
        public void replace(icp.filing.domain.verification.SmsVerification verification) {
            smsStore.put(verification.application(), verification);
        }

        @Override
        public void update(icp.filing.domain.verification.SmsVerification verification) {
            smsStore.put(verification.application(), verification);
        }

        @Override
        public Optional<icp.filing.domain.verification.SmsVerification> find(ApplicationId application) {
            return Optional.ofNullable(smsStore.get(application));
        }

        @Override
        public List<icp.filing.domain.verification.SmsVerification> pendingFor(String phone) {
            return smsStore.values().stream().filter(v -> v.awaits(phone)).toList();
        }

        @Override
        public List<icp.filing.domain.verification.SmsVerification> pendingExpiredBy(java.time.Instant at,
                                                                                    int limit) {
            return smsStore.values().stream().filter(v -> v.state()
                    == icp.filing.domain.verification.SmsVerification.State.PENDING && !v.expiresAt().isAfter(at))
                    .limit(limit).toList();
        }
    };

    static final icp.filing.domain.verification.CodeKey CODE_KEY = new icp.filing.domain.verification.CodeKey(
            new byte[32]);

    icp.filing.application.usecase.SmsStep smsStep(java.time.Clock clock) {
        return new icp.filing.application.usecase.SmsStep(smsVerifications, notifications(clock), clock, CODE_KEY);
    }

    /** Notifications into {@link #outbox}. */
    icp.filing.application.usecase.Notifications notifications(java.time.Clock clock) {
        var relay = new icp.filing.application.usecase.RelayOutbox(outbox, List.of(), transactions,
                new icp.filing.application.usecase.RelaySettings(10, java.time.Duration.ofMinutes(1), 3,
                        java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(4)), clock);
        return new icp.filing.application.usecase.Notifications(outbox, transactions, relay);
    }

    /** Every principal confirms every code sent so far, as the public endpoint takes them. */
    void confirmSms(java.time.Clock clock) {
        var confirm = new icp.filing.application.usecase.ConfirmSms(smsVerifications, applicationStore,
                transactions, clock, notifications(clock), CODE_KEY, new icp.filing.application.usecase.ReviewPeriod(
                        icp.filing.domain.time.WorkingDayCalendar.of(List.of()), clock));
        List<String[]> pending = new ArrayList<>(sentSms);
        sentSms.clear();
        for (String[] sms : pending) {
            String code = sms[1].replaceAll("\\D*(\\d{6}).*", "$1");
            String tail = applications.values().stream().flatMap(a -> a.principals().stream())
                    .filter(p -> p.phone().value().equals(sms[0])).findFirst().map(p -> icp.filing.domain
                            .verification.SmsVerification.tail(p.certificateNumber())).orElseThrow();
            confirm.confirm(sms[0], code, tail);
        }
    }

    final Map<ApplicationId, Application> applications = new LinkedHashMap<>();
    final List<Filing> filings = new ArrayList<>();
    final Map<String, Integer> serials = new HashMap<>();

    /** The ICANN suffixes these tests use; the real list lives in the public-suffix adapter. */
    final PublicSuffixes suffixes = name -> {
        String[] labels = name.ascii().split("\\.");
        int keep = name.ascii().endsWith(".com.cn") || name.ascii().endsWith(".gov.cn") ? 3 : 2;
        if (labels.length < keep || List.of("cn", "com.cn", "gov.cn").contains(name.ascii())) {
            return Optional.empty();
        }
        return Optional.of(DomainName.parse(String.join(".",
                List.of(labels).subList(labels.length - keep, labels.length))));
    };

    final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }

        /** The in-memory stores have no undo: a dry run here only checks, callers must not rely on the rollback. */
        @Override
        public <T> T rolledBack(Supplier<T> work) {
            Map<ApplicationId, Application> before = new LinkedHashMap<>(applications);
            try {
                return work.get();
            } finally {
                applications.clear();
                applications.putAll(before);
            }
        }
    };

    final FilingNumbers numbers = (province, year) -> serials.merge(province.code() + year, 1, Integer::sum);

    final List<icp.filing.application.port.ReadRecords.PersonalDataRead> reads = new ArrayList<>();
    final icp.filing.application.port.ReadRecords readRecords = new icp.filing.application.port.ReadRecords() {
        @Override
        public void add(PersonalDataRead read) {
            reads.add(read);
        }

        @Override
        public icp.filing.application.port.Page<PersonalDataRead> list(icp.filing.domain.common.Province province,
                                                                       icp.filing.application.port.PageRequest page) {
            List<PersonalDataRead> own = reads.stream().filter(r -> r.province() == province).toList();
            return new icp.filing.application.port.Page<>(own, page.page(), page.size(), own.size());
        }
    };

    /** The review queue on these ports, recording reads in {@link #reads}. */
    icp.filing.application.usecase.ReviewQueue reviewQueue() {
        return new icp.filing.application.usecase.ReviewQueue(applicationStore, readRecords, transactions,
                java.time.Clock.systemUTC(), register);
    }

    final Applications applicationStore = new Applications() {
        @Override
        public void add(Application application) {
            boolean duplicateRequest = application.requestId().isPresent() && findByRequestId(application.provider(),
                    application.requestId().get()).isPresent();
            if (duplicateRequest) {
                throw new AlreadyExistsException(Reason.DUPLICATE_REQUEST_ID, "seen");
            }
            boolean open = applications.values().stream().anyMatch(a -> a.state().isOpen()
                    && a.subject().identityKey().equals(application.subject().identityKey()));
            if (open) {
                throw new AlreadyExistsException(Reason.OPEN_APPLICATION_EXISTS, "open");
            }
            applications.put(application.id(), application);
        }

        @Override
        public void update(Application application) {
            applications.put(application.id(), application);
        }

        @Override
        public Optional<Application> find(ApplicationId id) {
            return Optional.ofNullable(applications.get(id));
        }

        @Override
        public Optional<Application> findByRequestId(ProviderId provider, String requestId) {
            return applications.values().stream().filter(a -> a.provider().equals(provider)
                    && a.requestId().equals(Optional.of(requestId))).findFirst();
        }

        @Override
        public Page<Application> listByProvider(ProviderId provider, Optional<ApplicationState> state,
                                                PageRequest page) {
            return page(applications.values().stream().filter(a -> a.provider().equals(provider))
                    .filter(a -> state.map(s -> s == a.state()).orElse(true)).toList(), page);
        }

        @Override
        public PrincipalUsage principalUsage(String certificateNumber, String phone, String subjectKey) {
            return new PrincipalUsage(
                    countOthers(a -> a.subject().principal().certificateNumber().equals(certificateNumber), subjectKey),
                    countOthers(a -> a.subject().principal().phone().value().equals(phone), subjectKey));
        }

        private long countOthers(java.util.function.Predicate<Application> match, String subjectKey) {
            return applications.values().stream()
                    .filter(a -> a.state().isOpen() || a.state() == ApplicationState.APPROVED)
                    .filter(match).map(a -> a.subject().identityKey()).filter(k -> !k.equals(subjectKey))
                    .distinct().count();
        }

        @Override
        public Page<Application> listByProvince(Province province, ApplicationState state, PageRequest page) {
            return page(applications.values().stream().filter(a -> a.subject().province() == province)
                    .filter(a -> a.state() == state)
                    .sorted(Comparator.comparing(a -> a.queuedAt().orElseThrow())).toList(), page);
        }

        @Override
        public List<icp.filing.domain.application.HistoryChain.Entry> history(ApplicationId id) {
            List<icp.filing.domain.application.HistoryChain.Entry> entries = new ArrayList<>();
            String previous = "";
            for (var t : applications.get(id).history()) {
                String hash = icp.filing.domain.application.HistoryChain.hash(previous, t);
                entries.add(new icp.filing.domain.application.HistoryChain.Entry(t, previous, hash));
                previous = hash;
            }
            return entries;
        }

        @Override
        public Page<Application> listInReviewQueuedBefore(Province province, java.time.Instant queuedBefore,
                                                          PageRequest page) {
            return page(applications.values().stream().filter(a -> a.subject().province() == province)
                    .filter(a -> a.state() == ApplicationState.IN_REVIEW)
                    .filter(a -> a.queuedAt().orElseThrow().isBefore(queuedBefore))
                    .sorted(Comparator.comparing(a -> a.queuedAt().orElseThrow())).toList(), page);
        }

        private Page<Application> page(List<Application> all, PageRequest page) {
            int from = (int) Math.min(all.size(), page.offset());
            return new Page<>(all.subList(from, Math.min(all.size(), from + page.size())), page.page(), page.size(),
                    all.size());
        }
    };

    final Filings register = new Filings() {
        @Override
        public List<FilingNumber> neverUploaded(int limit) {
            return List.of();
        }

        @Override
        public void add(Filing filing) {
            filings.add(filing);
        }

        @Override
        public void update(Filing filing) {
            filings.replaceAll(f -> f.subjectNumber().equals(filing.subjectNumber()) ? filing : f);
        }

        @Override
        public Optional<Filing> find(FilingNumber subjectNumber) {
            return filings.stream().filter(f -> f.subjectNumber().equals(subjectNumber)).findFirst();
        }

        @Override
        public List<icp.filing.domain.filing.FilingEvent> events(FilingNumber subjectNumber) {
            return List.of();
        }

        @Override
        public List<icp.filing.domain.filing.RecordChain.Entry> record(FilingNumber subjectNumber) {
            return List.of();
        }

        @Override
        public Optional<FilingNumber> filedSubjectNumber(Subject subject) {
            return filings.stream().filter(Filing::isFiled)
                    .filter(f -> f.subject().identityKey().equals(subject.identityKey()))
                    .map(Filing::subjectNumber).findFirst();
        }

        @Override
        public Optional<FilingNumber> ownerOf(DomainName registrableDomain) {
            return filings.stream().filter(f -> f.filedServices().stream()
                    .anyMatch(s -> s.registrableDomains().contains(registrableDomain)))
                    .map(Filing::subjectNumber).findFirst();
        }

        @Override
        public boolean isAppFiled(AppIdentity app) {
            return filings.stream().flatMap(f -> f.filedServices().stream())
                    .anyMatch(s -> s.service().appIdentity().equals(Optional.of(app)));
        }

        @Override
        public Page<Shell> shells(Province province, PageRequest page) {
            List<Shell> shells = filings.stream().filter(f -> f.subject().province() == province)
                    .flatMap(f -> f.filedServices().stream().filter(FiledService::isShell)
                            .map(s -> new Shell(s.number().toString(), s.service().name(), f.subject().name(), null)))
                    .toList();
            return new Page<>(shells, page.page(), page.size(), shells.size());
        }
    };

    final PublicRegister publicRegister = new PublicRegister() {
        @Override
        public List<Entry> byNumber(FilingNumber number) {
            return entries(s -> number.isServiceNumber() ? s.number().equals(number)
                    : s.number().subjectNumber().equals(number));
        }

        @Override
        public List<Entry> byRegistrableDomain(DomainName registrableDomain) {
            return entries(s -> s.registrableDomains().contains(registrableDomain));
        }

        @Override
        public List<Entry> byUnitName(String unitName) {
            return filings.stream().filter(f -> !f.subject().isPerson() && f.subject().name().equals(unitName))
                    .flatMap(f -> f.filedServices().stream().map(s -> entry(f, s))).toList();
        }

        private List<Entry> entries(java.util.function.Predicate<FiledService> match) {
            return filings.stream().flatMap(f -> f.filedServices().stream().filter(match).map(s -> entry(f, s)))
                    .toList();
        }

        private Entry entry(Filing f, FiledService s) {
            List<String> domains = s.service() instanceof Website w
                    ? w.domains().stream().map(DomainName::unicode).toList() : List.of();
            return new Entry(f.subject().name(), f.subject().isPerson(),
                    f.subject().nature().chineseName(), f.subjectNumber().toString(), s.number().toString(),
                    s.service().kind(), s.service().name(), domains, null, null, null, s.source().at(),
                    s.service().content().preApprovals().stream().map(p -> p.type()).distinct().toList());
        }
    };

    icp.filing.application.usecase.SubmissionChecks checks(int maxSubjectsPerPrincipal) {
        return new icp.filing.application.usecase.SubmissionChecks(
                new icp.filing.application.usecase.RegisterChecks(register, applicationStore, suffixes,
                        new icp.filing.application.usecase.SubmissionLimits(maxSubjectsPerPrincipal, 1_000_000),
                        java.util.Optional.empty(), icp.filing.application.usecase.ServedProvinces.all()),
                new icp.filing.application.usecase.ContentChecks(
                        new icp.filing.domain.service.ServiceNamePolicy(icp.filing.domain.service.RestrictedWords.national()
                                .withProvinceAdditions(Map.of(Province.BEIJING, java.util.Set.of("首都")))),
                        new icp.filing.application.usecase.MaterialChecks(materials)));
    }
}
