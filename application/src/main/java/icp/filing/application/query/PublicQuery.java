package icp.filing.application.query;

import icp.filing.application.port.PublicRegister;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.filing.PublicDisclosure;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.ServiceKind;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One search box, as on the MIIT site: a filing number (a subject number lists every service), a domain
 * (a subdomain finds the filing of its registrable domain), or a unit name.
 */
@Singleton
public final class PublicQuery {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final PublicRegister register;
    private final PublicSuffixes publicSuffixes;

    public PublicQuery(PublicRegister register, PublicSuffixes publicSuffixes) {
        this.register = register;
        this.publicSuffixes = publicSuffixes;
    }

    public List<PublicFiling> search(String q, Optional<ServiceKind> type) {
        return disclosed(entries(text(q)), type);
    }

    /**
     * The answer {@link #search} would give, when it needs no read of the register's store (a domain asked lately,
     * or text that cannot be filed under any domain), so that the caller can answer without handing the query to a
     * thread that may wait on the database; empty when the store must be read. Refuses what search refuses.
     */
    public Optional<List<PublicFiling>> searchWithoutWaiting(String q, Optional<ServiceKind> type) {
        String text = text(q);
        if (FilingNumber.tryParse(text).isPresent()) {
            return Optional.empty();
        }
        Optional<DomainName> domain = asDomain(text);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        Optional<DomainName> registrable = publicSuffixes.registrableDomain(domain.get());
        if (registrable.isEmpty()) {
            return Optional.of(List.of());
        }
        return register.kept(registrable.get()).map(entries -> disclosed(entries, type));
    }

    private static String text(String q) {
        if (q != null && q.length() > 1000) {
            throw InvalidInputException.of("q", Reason.TOO_LONG, "最多 200 个字符 / at most 200 characters");
        }
        String text = Text.identifier(q);
        if (text.isEmpty()) {
            throw InvalidInputException.of("q", Reason.REQUIRED, "请输入单位名称、域名或备案号 / give a name, domain or number");
        }
        if (text.length() > 200) {
            throw InvalidInputException.of("q", Reason.TOO_LONG, "最多 200 个字符 / at most 200 characters");
        }
        return text;
    }

    private static List<PublicFiling> disclosed(List<PublicRegister.Entry> entries, Optional<ServiceKind> type) {
        return entries.stream()
                .filter(e -> type.map(t -> t == e.kind()).orElse(true))
                .map(PublicQuery::disclose)
                .toList();
    }

    /** Most items one batch lookup takes. */
    public static final int MAX_BATCH = 100;
    private static final int MAX_ITEM = 200;

    /**
     * 批量查询: domains, URLs or filing numbers (no names: a batch is for machines checking what they host or list),
     * answered item by item in order, from two set-based reads of the register whatever the number of items.
     */
    public List<BatchLookup> lookup(List<String> items) {
        return lookup(batch(items));
    }

    /**
     * A batch's items read once (each a registrable domain, a filing number, or its refusal), to be answered from
     * memory ({@link #lookupWithoutWaiting}) or, failing that, from the store ({@link #lookup(Batch)}) without
     * reading them again.
     */
    public static final class Batch {
        private final List<String> items;
        private final List<Object> keys;

        private Batch(List<String> items, List<Object> keys) {
            this.items = items;
            this.keys = keys;
        }
    }

    /** Refuses a batch of no items or of more than {@link #MAX_BATCH}; an unreadable item is answered in place. */
    public Batch batch(List<String> items) {
        return new Batch(items, keys(items));
    }

    public List<BatchLookup> lookup(Batch batch) {
        List<Object> keys = batch.keys;
        java.util.Set<DomainName> domains = new java.util.LinkedHashSet<>();
        java.util.Set<FilingNumber> numbers = new java.util.LinkedHashSet<>();
        for (Object key : keys) {
            if (key instanceof DomainName domain) {
                domains.add(domain);
            } else if (key instanceof FilingNumber number) {
                numbers.add(number);
            }
        }
        java.util.Map<String, List<PublicRegister.Entry>> byDomain = domains.isEmpty() ? java.util.Map.of()
                : register.byRegistrableDomains(domains);
        java.util.Map<String, List<PublicRegister.Entry>> byNumber = numbers.isEmpty() ? java.util.Map.of()
                : register.byNumbers(numbers);
        return answers(batch.items, keys, byDomain, byNumber);
    }

    /**
     * What {@link #lookup(Batch)} would answer, when every item is a domain the register has at hand (asked lately)
     * or an item refused by its form; empty when the store must be read.
     */
    public Optional<List<BatchLookup>> lookupWithoutWaiting(Batch batch) {
        List<Object> keys = batch.keys;
        java.util.Map<String, List<PublicRegister.Entry>> byDomain = new java.util.HashMap<>();
        for (Object key : keys) {
            if (key instanceof FilingNumber) {
                return Optional.empty();
            }
            if (key instanceof DomainName domain && !byDomain.containsKey(domain.ascii())) {
                Optional<List<PublicRegister.Entry>> kept = register.kept(domain);
                if (kept.isEmpty()) {
                    return Optional.empty();
                }
                byDomain.put(domain.ascii(), kept.get());
            }
        }
        return Optional.of(answers(batch.items, keys, byDomain, java.util.Map.of()));
    }

    private List<Object> keys(List<String> items) {
        if (items == null || items.isEmpty()) {
            throw InvalidInputException.of("items", Reason.REQUIRED, "至少一项 / at least one item");
        }
        if (items.size() > MAX_BATCH) {
            throw InvalidInputException.of("items", Reason.TOO_MANY, "最多 " + MAX_BATCH + " 项 / at most " + MAX_BATCH
                    + " items");
        }
        List<Object> keys = new java.util.ArrayList<>(items.size());
        for (String raw : items) {
            keys.add(key(raw));
        }
        return keys;
    }

    private static List<BatchLookup> answers(List<String> items, List<Object> keys,
                                             java.util.Map<String, List<PublicRegister.Entry>> byDomain,
                                             java.util.Map<String, List<PublicRegister.Entry>> byNumber) {
        List<BatchLookup> answers = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) == null ? "" : Text.excerpt(items.get(i));
            Object key = keys.get(i);
            if (key instanceof InvalidInputException refused) {
                answers.add(BatchLookup.invalid(item, refused.reason().name(), refused.getMessage()));
            } else {
                List<PublicRegister.Entry> entries = key instanceof DomainName domain
                        ? byDomain.getOrDefault(domain.ascii(), List.of())
                        : byNumber.getOrDefault(key.toString(), List.of());
                answers.add(BatchLookup.found(item, entries.stream().map(PublicQuery::disclose).toList()));
            }
        }
        return answers;
    }

    /** A registrable domain or a filing number to look up, or the refusal of the item. */
    private Object key(String raw) {
        String text;
        try {
            text = raw == null ? "" : (raw.length() > 1000 ? raw : Text.identifier(raw));
        } catch (InvalidValueException e) {
            return InvalidInputException.of("item", e.reason(), e.getMessage());
        }
        if (text.isEmpty()) {
            return InvalidInputException.of("item", Reason.REQUIRED, "空项 / an empty item");
        }
        if (text.length() > MAX_ITEM) {
            return InvalidInputException.of("item", Reason.TOO_LONG, "最多 " + MAX_ITEM + " 个字符 / at most "
                    + MAX_ITEM + " characters");
        }
        Optional<FilingNumber> number = FilingNumber.tryParse(text);
        if (number.isPresent()) {
            return number.get();
        }
        Optional<DomainName> registrable = asDomain(text).flatMap(publicSuffixes::registrableDomain);
        if (registrable.isPresent()) {
            return registrable.get();
        }
        return InvalidInputException.of("item", Reason.INVALID_FORMAT,
                "不是域名、网址或备案号 / not a domain, URL or filing number");
    }

    private List<PublicRegister.Entry> entries(String text) {
        Optional<FilingNumber> number = FilingNumber.tryParse(text);
        if (number.isPresent()) {
            return register.byNumber(number.get());
        }
        Optional<DomainName> domain = asDomain(text);
        if (domain.isPresent()) {
            return publicSuffixes.registrableDomain(domain.get()).map(register::byRegistrableDomain).orElse(List.of());
        }
        return register.byUnitName(text);
    }

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("(?i)^https?://");
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("[/:?#].*$");

    /** Only text that looks like a host name is read as one, so that unit names never turn into domains. */
    private static Optional<DomainName> asDomain(String text) {
        String candidate = PATH.matcher(SCHEME.matcher(text).replaceFirst("")).replaceFirst("");
        if (!candidate.contains(".") && !candidate.contains("。")) {
            return Optional.empty();
        }
        try {
            return Optional.of(DomainName.parse(candidate));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private static PublicFiling disclose(PublicRegister.Entry e) {
        return new PublicFiling(PublicDisclosure.subjectName(e.subjectName(), e.person()), e.natureName(),
                e.subjectNumber(), e.serviceNumber(), e.kind(),
                PublicDisclosure.serviceName(e.serviceName(), e.subjectName(), e.person()), e.domains(), e.homeUrl(),
                e.platform(), e.preApprovals().stream().map(PreApprovalType::chineseName).toList(), false,
                e.approvedAt().atZone(CHINA).toLocalDate());
    }
}
