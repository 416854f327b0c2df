package icp.filing.domain.filing;

import icp.filing.domain.service.App;
import icp.filing.domain.service.ContentCategory;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.Language;
import icp.filing.domain.service.PreApproval;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One field a change request changes, as the reviewer compares it: the field by the contract's name, the value
 * filed now and the value asked for, both as text. Fields that stay the same are not listed.
 */
public record FieldChange(String field, String before, String after) {

    /** 变更主体: what differs between the subject as filed and as asked for. */
    public static List<FieldChange> of(Subject before, Subject after) {
        Diff<Subject> diff = new Diff<>(before, after);
        diff.compare("name", Subject::name);
        diff.compare("certificate_type", s -> s.certificateType().chineseName());
        diff.compare("certificate_number", Subject::certificateNumber);
        diff.compare("certificate_valid_until", Subject::certificateValidUntil);
        diff.compare("address", Subject::address);
        diff.principal("principal", Subject::principal);
        return diff.changes;
    }

    /** 变更网站/APP: what differs between the service as filed and as asked for. */
    public static List<FieldChange> of(Service before, Service after) {
        Diff<Service> diff = new Diff<>(before, after);
        diff.compare("name", Service::name);
        diff.compare("website.domains", s -> s instanceof Website w
                ? w.domains().stream().map(DomainName::unicode).collect(Collectors.joining(", ")) : null);
        diff.compare("website.home_url", s -> s instanceof Website w ? w.homeUrl() : null);
        diff.compare("app.signing_fingerprint", s -> s instanceof App a ? a.signingFingerprint().hex() : null);
        diff.principal("principal", Service::principal);
        diff.compare("content_categories", s -> s.content().categories().stream().map(ContentCategory::name)
                .collect(Collectors.joining("、")));
        diff.compare("languages", s -> s.content().languages().stream().map(Language::name)
                .collect(Collectors.joining("、")));
        diff.compare("pre_approvals", s -> s.content().preApprovals().stream().map(FieldChange::preApproval)
                .collect(Collectors.joining("; ")));
        diff.compare("access.method", s -> s.access().method().chineseName());
        diff.compare("access.ip_addresses", s -> s.access().ipAddresses().stream().map(IpAddress::value)
                .collect(Collectors.joining(", ")));
        diff.compare("access.server_location", s -> s.access().serverLocation() == null ? null
                : s.access().serverLocation().chineseName());
        return diff.changes;
    }

    private static String preApproval(PreApproval p) {
        return p.type().chineseName() + " " + p.authority() + " " + p.approvalNumber();
    }

    private static final class Diff<T> {
        private final T before;
        private final T after;
        private final List<FieldChange> changes = new ArrayList<>();

        Diff(T before, T after) {
            this.before = before;
            this.after = after;
        }

        void compare(String field, Function<T, Object> value) {
            Object was = value.apply(before);
            Object is = value.apply(after);
            if (!Objects.equals(text(was), text(is))) {
                changes.add(new FieldChange(field, text(was), text(is)));
            }
        }

        void principal(String field, Function<T, Principal> principal) {
            compare(field + ".name", t -> principal.apply(t).name());
            compare(field + ".certificate_type", t -> principal.apply(t).certificateType().chineseName());
            compare(field + ".certificate_number", t -> principal.apply(t).certificateNumber());
            compare(field + ".certificate_valid_until", t -> principal.apply(t).certificateValidUntil());
            compare(field + ".phone", t -> principal.apply(t).phone().value());
            compare(field + ".email", t -> principal.apply(t).email().value());
        }

        private static String text(Object value) {
            return value == null || value.toString().isEmpty() ? null : value.toString();
        }
    }
}
