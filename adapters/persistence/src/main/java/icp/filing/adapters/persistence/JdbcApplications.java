package icp.filing.adapters.persistence;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.HistoryChain;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.application.Transition;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.Reason;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Applications in MariaDB: one row each, what it asks for and its history as text in it ({@link ApplicationText}),
 * the history also appended to the chain of {@code application_transition}. Writers hold the transaction. An
 * application is read from its row alone, so a read never mixes states from before and after a concurrent decision.
 */
@Singleton
@io.micronaut.data.connection.annotation.Connectable
class JdbcApplications implements Applications {
    // reads on the write path (a decision, an upload) without Micronaut Data's row mapper; writes and pages use it
    private static final RecordReader<ApplicationRow> APPLICATIONS = RecordReader.of(ApplicationRow.class,
            "application");
    private static final RecordReader<TransitionRow> TRANSITIONS = RecordReader.of(TransitionRow.class,
            "application_transition");

    private final ApplicationRowRepository applications;
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    JdbcApplications(ApplicationRowRepository applications, TransactionOperations<Connection> transactions,
                     JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.applications = applications;
    }

    /**
     * The application's row with what it asks for and its first transitions, and those transitions in the chain,
     * held with the transaction's other writes ({@link HeldWrites}).
     */
    @Override
    public void add(Application application) {
        List<TransitionRow> appended = newTransitions(application, ChainEnd.NONE);
        Script script = new Script().insertAll("application", List.of(ApplicationRows.toRow(application,
                        content(application), ApplicationText.history("", appended))))
                .refuse("uk_application_request", new AlreadyExistsException(Reason.DUPLICATE_REQUEST_ID,
                        "请求号已用过 / request id already used"))
                .refuse("uk_application_open_subject", openApplicationExists())
                .insertAll("application_transition", appended);
        script.run(jdbc);
    }

    private static AlreadyExistsException openApplicationExists() {
        return new AlreadyExistsException(Reason.OPEN_APPLICATION_EXISTS,
                "该主体已有进行中的申请 / the subject already has an application in progress");
    }

    /** The new content, held with the transaction's other writes; the row's version moves with its update. */
    @Override
    public void replaceContent(Application application) {
        new Script().add("UPDATE application SET content = ? WHERE id = ?",
                content(application), application.id().value())
                .oneRow(new IllegalStateException("application " + application.id() + " is not stored")).run(jdbc);
    }

    /** What the application asks for: its services, their pre-approvals, and the materials it references. */
    private static String content(Application application) {
        String id = application.id().value();
        List<ApplicationServiceRow> rows = new ArrayList<>();
        List<PreApprovalRow> approvals = new ArrayList<>();
        for (int i = 0; i < application.services().size(); i++) {
            rows.add(ApplicationRows.toRow(id, i, application.services().get(i)));
            approvals.addAll(ApplicationRows.preApprovalRows(id, i, application.services().get(i)));
        }
        return ApplicationText.content(rows, approvals, application.materials().stream()
                .map(ref -> ApplicationRows.toRow(id, ref)).toList());
    }

    /**
     * The row, version-checked, with its history, and the new transitions in the chain, held with the transaction's
     * other writes ({@link HeldWrites}): the server checks the version when they are sent ({@link Script#oneRow}). The transitions link to the chain's
     * end as this application was read; if anything was appended since, the version moved with it (every append goes
     * with this update), so the UPDATE matches no row and the whole is refused as a concurrent update. The content is
     * not written here: {@link #replaceContent} does when it changes.
     */
    @Override
    public void update(Application application) {
        ChainEnd end = chainEnd(application);
        List<TransitionRow> appended = newTransitions(application, end);
        ApplicationRow row = ApplicationRows.toRow(application, null, ApplicationText.history(end.history(), appended));
        Object[] values = UPDATE_COLUMNS.values(row);
        Object[] parameters = java.util.Arrays.copyOf(values, values.length + 2);
        parameters[values.length] = row.id();
        parameters[values.length + 1] = row.version();
        ConcurrentUpdateException concurrent = new ConcurrentUpdateException(Reason.CONCURRENT_UPDATE,
                "申请已被他人处理 / application " + application.id() + " was changed by someone else");
        Script script = new Script().add(UPDATE, parameters).oneRow(concurrent)
                // a resubmitted application opens again: the subject must not have another open one
                .refuse("uk_application_open_subject", openApplicationExists())
                .refuse("uk_application_transition_seq", concurrent)
                .insertAll("application_transition", appended);
        script.run(jdbc);
    }

    /** Every column but the key, the content and the version, which the update checks and moves on. */
    private static final Sql.Columns UPDATE_COLUMNS;
    private static final String UPDATE;

    static {
        Sql.Columns all = Sql.Columns.of(ApplicationRow.class);
        List<String> names = all.list();
        int[] kept = java.util.stream.IntStream.range(0, names.size())
                .filter(i -> !List.of("id", "version", "content").contains(names.get(i))).toArray();
        UPDATE_COLUMNS = new Sql.Columns(java.util.Arrays.stream(kept).mapToObj(names::get).toList(),
                java.util.Arrays.stream(kept).mapToObj(i -> all.accessors()[i])
                        .toArray(java.lang.reflect.Method[]::new));
        UPDATE = "UPDATE application SET " + String.join(", ", UPDATE_COLUMNS.list().stream()
                .map(c -> c + " = ?").toList()) + ", version = version + 1 WHERE id = ? AND version = ?";
    }

    /**
     * How many transitions of an application are stored, the last one's hash ("" before the first), and the history
     * text of its row.
     */
    private record ChainEnd(int stored, String hash, String history) {
        static final ChainEnd NONE = new ChainEnd(0, "", "");

        static ChainEnd of(List<TransitionRow> history, String text) {
            TransitionRow last = history.isEmpty() ? null : history.get(history.size() - 1);
            return last == null ? NONE : new ChainEnd(last.seq() + 1, last.hash(), text);
        }
    }

    /**
     * Where the history of each application read here ended, by the very object handed out (weakly held: an entry
     * goes with its application), so that its update need not read the history again inside the transaction.
     */
    private final Map<Application, ChainEnd> chainEnds = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    private ChainEnd chainEnd(Application application) {
        // the same object updated again (should its transaction roll back and it be tried again) reads it again
        ChainEnd known = chainEnds.remove(application);
        if (known != null) {
            return known;
        }
        // not read here (nothing does that today): the stored end, which the version check guards as above
        String id = application.id().value();
        List<String> stored = Sql.query(jdbc, "SELECT history FROM application WHERE id = ?", rs -> rs.getString(1),
                id);
        return stored.isEmpty() ? ChainEnd.NONE
                : ChainEnd.of(ApplicationText.history(id, stored.get(0)), stored.get(0));
    }

    /** The transitions of the application after {@code end}, chained on from it. */
    private static List<TransitionRow> newTransitions(Application application, ChainEnd end) {
        List<Transition> history = application.history();
        String id = application.id().value();
        String previous = end.hash();
        List<TransitionRow> rows = new ArrayList<>();
        for (int seq = end.stored(); seq < history.size(); seq++) {
            TransitionRow row = ApplicationRows.toRow(id, seq, history.get(seq), previous);
            rows.add(row);
            previous = row.hash();
        }
        return rows;
    }

    @Override
    public List<HistoryChain.Entry> history(ApplicationId id) {
        return snapshot(() -> TRANSITIONS.whereIn(jdbc, "application_id", List.of(id.value()), "seq").stream()
                .map(ApplicationRows::toEntry).toList());
    }

    @Override
    public Optional<Application> find(ApplicationId id) {
        return whole(List.of(id.value())).stream().findFirst();
    }

    @Override
    public Optional<Application> findByRequestId(ProviderId provider, String requestId) {
        // nearly every submission is new: one plain read says so, without a transaction's three round trips
        if (!applications.existsByProviderIdAndRequestId(provider.value(), requestId)) {
            return Optional.empty();
        }
        return snapshot(() -> applications.findByProviderIdAndRequestId(provider.value(), requestId)
                .map(row -> load(List.of(row)).get(0)));
    }

    @Override
    public Page<Application> listByProvider(ProviderId provider, Optional<ApplicationState> state, PageRequest page) {
        Pageable pageable = Pageable.from(page.page(), page.size(), Sort.of(Sort.Order.desc("submittedAt")));
        return snapshot(() -> {
            io.micronaut.data.model.Page<ApplicationRow> rows = state.isPresent()
                    ? applications.findByProviderIdAndState(provider.value(), state.get().name(), pageable)
                    : applications.findByProviderId(provider.value(), pageable);
            return new Page<>(load(rows.getContent()), page.page(), page.size(), rows.getTotalSize());
        });
    }

    /**
     * Both usages in one statement, each from its covering index (V19), the other subjects counted here. Written so
     * that the optimizer sees one range per index (the principal): with {@code state IN (…) AND subject_key <> ?}
     * it weighed eight ranges per index and two COUNT(DISTINCT)s, and the statement cost the server 440 µs of CPU
     * where this costs 240 µs and a point select 65 µs. The rows are the principal's applications that count (the
     * rule allows five subjects per principal), so few.
     */
    @Override
    public PrincipalUsage principalUsage(String certificateNumber, String phone, String subjectKey) {
        UsageCount count = new UsageCount();
        Sql.query(jdbc, PRINCIPAL_USAGE, rs -> count.add(rs), principalUsageValues(certificateNumber, phone,
                subjectKey));
        return count.usage();
    }

    /**
     * The other subjects behind a principal's certificate (first column 0) or phone (1) with an application that
     * counts; its values: {@link #principalUsageValues}.
     */
    static final String PRINCIPAL_USAGE;

    static {
        String counting = "SELECT %d, subject_key FROM application WHERE %s = ? AND FIELD(state, 'SUBMITTED', "
                + "'AWAITING_SMS_CONFIRMATION', 'IN_REVIEW', 'APPROVED') > 0 AND NOT (subject_key <=> ?)";
        PRINCIPAL_USAGE = counting.formatted(0, "principal_certificate_number") + " UNION ALL "
                + counting.formatted(1, "principal_phone");
    }

    static Object[] principalUsageValues(String certificateNumber, String phone, String subjectKey) {
        return new Object[] {certificateNumber, subjectKey, phone, subjectKey};
    }

    /** The rows of {@link #PRINCIPAL_USAGE} counted: each other subject once per way it is linked. */
    static final class UsageCount {
        private final List<java.util.Set<String>> others = List.of(new java.util.HashSet<>(),
                new java.util.HashSet<>());

        boolean add(java.sql.ResultSet rs) throws java.sql.SQLException {
            return others.get(rs.getInt(1)).add(rs.getString(2));
        }

        PrincipalUsage usage() {
            return new PrincipalUsage(others.get(0).size(), others.get(1).size());
        }
    }

    @Override
    public Page<Application> listByProvince(Province province, ApplicationState state, PageRequest page) {
        Pageable pageable = Pageable.from(page.page(), page.size(),
                Sort.of(Sort.Order.asc("queuedAt"), Sort.Order.asc("submittedAt")));
        return snapshot(() -> {
            io.micronaut.data.model.Page<ApplicationRow> rows =
                    applications.findByProvinceCodeAndState(province.code(), state.name(), pageable);
            return new Page<>(load(rows.getContent()), page.page(), page.size(), rows.getTotalSize());
        });
    }

    /** The applications with these ids, in the caller's transaction: the approved items a filing points at. */
    Map<String, Application> findAll(Collection<String> ids) {
        return whole(ids).stream().collect(Collectors.toMap(a -> a.id().value(), a -> a));
    }

    /** The applications with these ids: their rows, which hold all of each. */
    private List<Application> whole(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load(APPLICATIONS.whereIn(jdbc, "id", ids, "id"));
    }

    @Override
    public Page<Application> listInReviewQueuedBefore(Province province, java.time.Instant queuedBefore,
                                                      PageRequest page) {
        Pageable pageable = Pageable.from(page.page(), page.size(),
                Sort.of(Sort.Order.asc("queuedAt"), Sort.Order.asc("submittedAt")));
        return snapshot(() -> {
            io.micronaut.data.model.Page<ApplicationRow> rows = applications.findByProvinceCodeAndStateAndQueuedAtLessThan(
                    province.code(), ApplicationState.IN_REVIEW.name(), UtcColumns.column(queuedBefore), pageable);
            return new Page<>(load(rows.getContent()), page.page(), page.size(), rows.getTotalSize());
        });
    }

    /** Pages are read through Micronaut Data's repository: the writes held on this connection go first. */
    private <T> T snapshot(Supplier<T> read) {
        return transactions.executeRead(status -> {
            return read.get();
        });
    }

    /** Each application of its row; where its history ends is kept for its update. */
    private List<Application> load(List<ApplicationRow> rows) {
        return rows.stream().map(row -> {
            List<TransitionRow> history = ApplicationText.history(row.id(), row.history());
            Application application = ApplicationRows.toApplication(row, history);
            chainEnds.put(application, ChainEnd.of(history, row.history()));
            return application;
        }).toList();
    }
}
