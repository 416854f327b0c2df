package icp.filing.domain.error;

/** One broken input rule: the field at fault (a dotted path such as services[0].domains[1]), the rule, a message. */
public record Violation(String field, Reason reason, String message) {
}
