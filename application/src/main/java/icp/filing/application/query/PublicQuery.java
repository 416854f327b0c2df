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
        if (q != null && q.length() > 1000) {
            throw InvalidInputException.of("q", Reason.TOO_LONG, "最多 200 个字符 / at most 200 characters");
        }
        String text = Text.normalize(q);
        if (text.isEmpty()) {
            throw InvalidInputException.of("q", Reason.REQUIRED, "请输入单位名称、域名或备案号 / give a name, domain or number");
        }
        if (text.length() > 200) {
            throw InvalidInputException.of("q", Reason.TOO_LONG, "最多 200 个字符 / at most 200 characters");
        }
        return entries(text).stream()
                .filter(e -> type.map(t -> t == e.kind()).orElse(true))
                .map(PublicQuery::disclose)
                .toList();
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

    /** Only text that looks like a host name is read as one, so that unit names never turn into domains. */
    private static Optional<DomainName> asDomain(String text) {
        String candidate = text.replaceFirst("(?i)^https?://", "").replaceFirst("[/:?#].*$", "");
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
