package icp.filing.application.usecase;

import icp.filing.application.port.NationalFiling;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.RecordChain;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Subject;
import java.util.List;

/** A filing as a province uploads it to the national register: no certificate number, only its identity's hash. */
final class NationalSnapshot {
    private NationalSnapshot() {
    }

    static NationalFiling of(Filing filing) {
        Subject subject = filing.subject();
        return new NationalFiling(filing.subjectNumber().toString(), filing.version(), subject.province(),
                identity(subject), filing.isFiled(), subject.name(), subject.isPerson(),
                subject.nature().chineseName(), filing.services().stream().map(NationalSnapshot::service).toList());
    }

    /** The hash the register knows a subject by (its identity is its nature and certificate). */
    static String identity(Subject subject) {
        return RecordChain.sha256(subject.identityKey());
    }

    private static NationalFiling.Service service(FiledService filed) {
        Service service = filed.service();
        List<String> domains = service instanceof Website website
                ? website.domains().stream().map(DomainName::ascii).toList() : List.of();
        String homeUrl = service instanceof Website website ? website.homeUrl() : null;
        return new NationalFiling.Service(filed.number().toString(), service.kind(), service.name(), filed.isFiled(),
                domains, filed.registrableDomains().stream().map(DomainName::ascii).toList(), homeUrl,
                service.appIdentity().orElse(null), filed.source().at(),
                service.content().preApprovals().stream().map(p -> p.type().name()).toList());
    }
}
