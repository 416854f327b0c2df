package icp.filing.adapters.persistence;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An application's parts as text in its own row (V20): {@code content} holds what it asks for — its services
 * ({@code s} lines), their pre-approvals ({@code p}) and the materials it references ({@code m}) — and {@code history}
 * its transitions ({@code t}), each as stored in the append-only chain of {@code application_transition}, which stays
 * the record that {@code history/verify} checks. One row read instead of five tables: the server's CPU for loading an
 * application fell to a fifth. Lines as {@link RowLines} writes them.
 */
final class ApplicationText {
    private static final RowLines<ApplicationServiceRow> SERVICES = RowLines.of(ApplicationServiceRow.class, 's',
            "applicationId");
    private static final RowLines<PreApprovalRow> PRE_APPROVALS = RowLines.of(PreApprovalRow.class, 'p',
            "applicationId");
    private static final RowLines<ApplicationMaterialRow> MATERIALS = RowLines.of(ApplicationMaterialRow.class, 'm',
            "applicationId");
    private static final RowLines<TransitionRow> TRANSITIONS = RowLines.of(TransitionRow.class, 't', "id",
            "applicationId");

    private ApplicationText() {
    }

    /** What an application asks for, read back from its {@code content}. */
    record Content(List<ApplicationServiceRow> services, List<PreApprovalRow> preApprovals,
                   List<ApplicationMaterialRow> materials) {
    }

    static String content(List<ApplicationServiceRow> services, List<PreApprovalRow> preApprovals,
                          List<ApplicationMaterialRow> materials) {
        StringBuilder text = new StringBuilder(512 * (1 + services.size()));
        SERVICES.write(text, services);
        PRE_APPROVALS.write(text, preApprovals);
        return MATERIALS.write(text, materials).toString();
    }

    static Content content(String applicationId, String text) {
        Map<Character, List<String[]>> lines = RowLines.split(text);
        Function<String, Object> owner = owner(applicationId);
        return new Content(read(SERVICES, lines, owner), read(PRE_APPROVALS, lines, owner),
                read(MATERIALS, lines, owner));
    }

    /** {@code history} followed by the lines of {@code appended}. */
    static String history(String history, List<TransitionRow> appended) {
        StringBuilder text = new StringBuilder(history == null ? "" : history);
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        return TRANSITIONS.write(text, appended).toString();
    }

    static List<TransitionRow> history(String applicationId, String text) {
        return read(TRANSITIONS, RowLines.split(text), owner(applicationId));
    }

    private static Function<String, Object> owner(String applicationId) {
        return name -> name.equals("applicationId") ? applicationId : null;
    }

    private static <R extends Record> List<R> read(RowLines<R> rows, Map<Character, List<String[]>> lines,
                                                   Function<String, Object> owner) {
        return lines.getOrDefault(rows.tag(), List.of()).stream().map(fields -> rows.read(fields, owner)).toList();
    }
}
