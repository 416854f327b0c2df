package icp.filing.adapters.ministry;

import com.google.protobuf.Timestamp;
import icp.filing.application.port.NationalFiling;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.ServiceKind;
import icp.filing.proto.ministry.v1.AppKey;
import icp.filing.proto.ministry.v1.NationalService;
import java.time.Instant;
import java.util.List;

/** NationalFiling to and from its icp.ministry.v1 message; what comes in is bounded before it is read. */
final class NationalMessages {
    static final int MAX_TEXT = 1000;
    static final int MAX_LIST = 100;
    /** A domain name's longest form: every entry of a list is one (100 of them fit the joined TEXT columns). */
    private static final int MAX_ENTRY = 253;

    private NationalMessages() {
    }

    static icp.filing.proto.ministry.v1.NationalFiling toMessage(NationalFiling f) {
        var message = icp.filing.proto.ministry.v1.NationalFiling.newBuilder().setSubjectNumber(f.subjectNumber())
                .setVersion(f.version()).setProvinceCode(f.province().code())
                .setSubjectIdentitySha256(f.subjectIdentitySha256()).setFiled(f.filed())
                .setSubjectName(f.subjectName()).setPerson(f.person()).setNatureName(f.natureName());
        for (NationalFiling.Service s : f.services()) {
            var service = NationalService.newBuilder().setNumber(s.number()).setKind(s.kind().name())
                    .setName(s.name()).setFiled(s.filed()).addAllDomains(s.domains())
                    .addAllRegistrableDomains(s.registrableDomains()).setHomeUrl(s.homeUrl() == null ? "" : s.homeUrl())
                    .setApprovedAt(Timestamp.newBuilder().setSeconds(s.approvedAt().getEpochSecond())
                            .setNanos(s.approvedAt().getNano()))
                    .addAllPreApprovals(s.preApprovals());
            if (s.app() != null) {
                service.setPlatform(s.app().platform()).setAppKey(s.app().key());
            }
            message.addServices(service);
        }
        return message.build();
    }

    static NationalFiling fromMessage(icp.filing.proto.ministry.v1.NationalFiling m) {
        return fromMessage("filing", m);
    }

    /** @param at the message's field path in its request, for the violations ({@code filing}, {@code filings[2]}) */
    static NationalFiling fromMessage(String at, icp.filing.proto.ministry.v1.NationalFiling m) {
        Violations violations = new Violations();
        text(violations, at + ".subject_number", m.getSubjectNumber());
        text(violations, at + ".subject_name", m.getSubjectName());
        text(violations, at + ".nature_name", m.getNatureName());
        if (!m.getSubjectIdentitySha256().matches("[0-9a-f]{64}")) {
            violations.add(at + ".subject_identity_sha256", Reason.INVALID_FORMAT, "64 hex digits");
        }
        list(violations, at + ".services", m.getServicesCount());
        for (int i = 0; i < Math.min(m.getServicesCount(), MAX_LIST); i++) {
            NationalService s = m.getServices(i);
            String path = at + ".services[" + i + "]";
            text(violations, path + ".number", s.getNumber());
            text(violations, path + ".name", s.getName());
            text(violations, path + ".home_url", s.getHomeUrl());
            text(violations, path + ".app_key", s.getAppKey());
            texts(violations, path + ".domains", s.getDomainsList());
            texts(violations, path + ".registrable_domains", s.getRegistrableDomainsList());
            texts(violations, path + ".pre_approvals", s.getPreApprovalsList());
            kind(violations, path + ".kind", s.getKind());
        }
        Province province = violations.check(at + ".province_code", () -> Province.parse(m.getProvinceCode()));
        violations.throwIfAny();
        List<NationalFiling.Service> services = m.getServicesList().stream().map(s -> {
            ServiceKind kind = ServiceKind.valueOf(s.getKind());
            AppIdentity app = s.getAppKey().isEmpty() ? null : new AppIdentity(kind, s.getPlatform(), s.getAppKey());
            return new NationalFiling.Service(s.getNumber(), kind, s.getName(), s.getFiled(), s.getDomainsList(),
                    s.getRegistrableDomainsList(), s.getHomeUrl().isEmpty() ? null : s.getHomeUrl(), app,
                    Instant.ofEpochSecond(s.getApprovedAt().getSeconds(), s.getApprovedAt().getNanos()),
                    s.getPreApprovalsList());
        }).toList();
        return new NationalFiling(m.getSubjectNumber(), m.getVersion(), province, m.getSubjectIdentitySha256(),
                m.getFiled(), m.getSubjectName(), m.getPerson(), m.getNatureName(), services);
    }

    static AppKey appKey(AppIdentity app) {
        return AppKey.newBuilder().setKind(app.kind().name()).setPlatform(app.platform()).setAppKey(app.key()).build();
    }

    static AppIdentity app(AppKey key) {
        return new AppIdentity(ServiceKind.valueOf(key.getKind()), key.getPlatform(), key.getAppKey());
    }

    private static void kind(Violations violations, String field, String value) {
        try {
            ServiceKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            violations.add(field, Reason.UNKNOWN_CODE, "WEBSITE, APP, MINI_PROGRAM or QUICK_APP");
        }
    }

    /** A list: at most {@link #MAX_LIST} entries, each a domain-sized text (the register's columns hold them joined). */
    private static void texts(Violations violations, String field, List<String> values) {
        list(violations, field, values.size());
        for (int i = 0; i < Math.min(values.size(), MAX_LIST); i++) {
            if (values.get(i).length() > MAX_ENTRY) {
                violations.add(field + "[" + i + "]", Reason.TOO_LONG, "at most " + MAX_ENTRY + " characters");
            }
        }
    }

    private static void text(Violations violations, String field, String value) {
        if (value.length() > MAX_TEXT) {
            violations.add(field, Reason.TOO_LONG, "at most " + MAX_TEXT + " characters");
        }
    }

    static void list(Violations violations, String field, int count) {
        if (count > MAX_LIST) {
            violations.add(field, Reason.TOO_MANY, "at most " + MAX_LIST + " entries");
        }
    }
}
