package icp.filing.domain.service;

import icp.filing.domain.subject.Subject;
import java.util.List;

/**
 * 网站名称: a natural person's service name may not carry a restricted word at all; a unit's may, with the
 * competent department's written approval (名称使用批准文件) attached for the bureau to confirm.
 */
public final class ServiceNamePolicy {
    private final RestrictedWords words;

    public ServiceNamePolicy(RestrictedWords words) {
        this.words = words;
    }

    public enum Verdict { ACCEPTED, NEEDS_NAME_APPROVAL, REFUSED }

    /** The verdict and the words that caused it. */
    public record Decision(Verdict verdict, List<String> words) {
    }

    public Decision judge(Subject subject, String serviceName) {
        List<String> found = words.foundIn(serviceName, subject.province());
        if (found.isEmpty()) {
            return new Decision(Verdict.ACCEPTED, found);
        }
        return new Decision(subject.isPerson() ? Verdict.REFUSED : Verdict.NEEDS_NAME_APPROVAL, found);
    }
}
