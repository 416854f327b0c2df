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
 * Applications in MariaDB: one row, its services, its history. Writers hold the transaction. Reads never mix states
 * from before and after a concurrent decision: an application read by id is one statement (one moment of the
 * tables); a page joins the caller's transaction or opens a read-only one of its own (InnoDB's snapshot).
 */
@Singleton
@io.micronaut.data.connection.annotation.Connectable
class JdbcApplications implements Applications {
    // reads on the write path (a decision, an upload) without Micronaut Data's row mapper; writes and pages use it
    private static final RecordReader<ApplicationRow> APPLICATIONS = RecordReader.of(ApplicationRow.class,
            "application");
    private static final RecordReader<ApplicationServiceRow> SERVICES = RecordReader.of(ApplicationServiceRow.class,
            "application_service");
    private static final RecordReader<TransitionRow> TRANSITIONS = RecordReader.of(TransitionRow.class,
            "application_transition");
    private static final RecordReader<PreApprovalRow> PRE_APPROVALS = RecordReader.of(PreApprovalRow.class,
            "application_pre_approval");
    private static final RecordReader<ApplicationMaterialRow> MATERIALS = RecordReader.of(
            ApplicationMaterialRow.class, "application_material");

    private final ApplicationRowRepository applications;
    private final ApplicationServiceRowRepository services;
    private final ApplicationMaterialRowRepository materials;
    private final PreApprovalRowRepository preApprovals;
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    JdbcApplications(ApplicationRowRepository applications, ApplicationServiceRowRepository services,
                     ApplicationMaterialRowRepository materials,
                     PreApprovalRowRepository preApprovals, TransactionOperations<Connection> transactions,
                     JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.applications = applications;
        this.services = services;
        this.materials = materials;
        this.preApprovals = preApprovals;
    }

    /**
     * The application's row, what it asks for and its first transitions, held with the transaction's other writes
     * ({@link HeldWrites}).
     */
    @Override
    public void add(Application application) {
        Script script = new Script().insertAll("application", List.of(ApplicationRows.toRow(application)))
                .refuse("uk_application_request", new AlreadyExistsException(Reason.DUPLICATE_REQUEST_ID,
                        "请求号已用过 / request id already used"))
                .refuse("uk_application_open_subject", openApplicationExists());
        insertContent(script, application);
        appendTransitions(script, application, new ChainEnd(0, ""));
        HeldWrites.hold(jdbc, script, counts -> { });
    }

    private static AlreadyExistsException openApplicationExists() {
        return new AlreadyExistsException(Reason.OPEN_APPLICATION_EXISTS,
                "该主体已有进行中的申请 / the subject already has an application in progress");
    }

    @Override
    public void replaceContent(Application application) {
        String id = application.id().value();
        HeldWrites.sendHeld(jdbc);
        preApprovals.deleteByApplicationId(id);
        materials.deleteByApplicationId(id);
        services.deleteByApplicationId(id);
        Script script = new Script();
        insertContent(script, application);
        script.run(jdbc);
    }

    /** What the application asks for: its services, their pre-approvals, and the materials it references. */
    private static void insertContent(Script script, Application application) {
        String id = application.id().value();
        List<ApplicationServiceRow> rows = new ArrayList<>();
        List<PreApprovalRow> approvals = new ArrayList<>();
        for (int i = 0; i < application.services().size(); i++) {
            rows.add(ApplicationRows.toRow(id, i, application.services().get(i)));
            approvals.addAll(ApplicationRows.preApprovalRows(id, i, application.services().get(i)));
        }
        script.insertAll("application_service", rows).insertAll("application_pre_approval", approvals)
                .insertAll("application_material", application.materials().stream()
                        .map(ref -> ApplicationRows.toRow(id, ref)).toList());
    }

    /**
     * The row, version-checked, and the new transitions, held with the transaction's other writes ({@link HeldWrites}):
     * the version is checked when they are sent. The transitions link to the chain's end as this application was
     * read; if anything was appended since, the version moved with it (every append goes with this update), so the
     * UPDATE matches no row and the whole is refused as a concurrent update.
     */
    @Override
    public void update(Application application) {
        ApplicationRow row = ApplicationRows.toRow(application);
        Object[] values = UPDATE_COLUMNS.values(row);
        Object[] parameters = java.util.Arrays.copyOf(values, values.length + 2);
        parameters[values.length] = row.id();
        parameters[values.length + 1] = row.version();
        ConcurrentUpdateException concurrent = new ConcurrentUpdateException(Reason.CONCURRENT_UPDATE,
                "申请已被他人处理 / application " + application.id() + " was changed by someone else");
        Script script = new Script().add(UPDATE, parameters)
                // a resubmitted application opens again: the subject must not have another open one
                .refuse("uk_application_open_subject", openApplicationExists())
                .refuse("uk_application_transition_seq", concurrent);
        appendTransitions(script, application, chainEnd(application));
        HeldWrites.hold(jdbc, script, counts -> {
            if (counts[0] != 1) {
                throw concurrent;
            }
        });
    }

    /** Every column but the key and the version, which the update checks and moves on. */
    private static final Sql.Columns UPDATE_COLUMNS;
    private static final String UPDATE;

    static {
        Sql.Columns all = Sql.Columns.of(ApplicationRow.class);
        List<String> names = all.list();
        int[] kept = java.util.stream.IntStream.range(0, names.size())
                .filter(i -> !names.get(i).equals("id") && !names.get(i).equals("version")).toArray();
        UPDATE_COLUMNS = new Sql.Columns(java.util.Arrays.stream(kept).mapToObj(names::get).toList(),
                java.util.Arrays.stream(kept).mapToObj(i -> all.accessors()[i])
                        .toArray(java.lang.reflect.Method[]::new));
        UPDATE = "UPDATE application SET " + String.join(", ", UPDATE_COLUMNS.list().stream()
                .map(c -> c + " = ?").toList()) + ", version = version + 1 WHERE id = ? AND version = ?";
    }

    /** How many transitions of an application are stored, and the last one's hash ("" before the first). */
    private record ChainEnd(int stored, String hash) {
    }

    /**
     * Where the history of each application read here ended, by the very object handed out (weakly held: an entry
     * goes with its application), so that its update need not read the chain again inside the transaction.
     */
    private final Map<Application, ChainEnd> chainEnds = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    private ChainEnd chainEnd(Application application) {
        ChainEnd known = chainEnds.get(application);
        if (known != null) {
            return known;
        }
        // not read here (nothing does that today): the stored end, which the version check guards as above
        List<ChainEnd> last = Sql.query(jdbc, "SELECT seq, hash FROM application_transition WHERE application_id = ? "
                + "ORDER BY seq DESC LIMIT 1", rs -> new ChainEnd(rs.getInt(1) + 1, rs.getString(2)),
                application.id().value());
        return last.isEmpty() ? new ChainEnd(0, "") : last.get(0);
    }

    private void appendTransitions(Script script, Application application, ChainEnd end) {
        List<Transition> history = application.history();
        String id = application.id().value();
        String previous = end.hash();
        List<TransitionRow> rows = new ArrayList<>();
        for (int seq = end.stored(); seq < history.size(); seq++) {
            TransitionRow row = ApplicationRows.toRow(id, seq, history.get(seq), previous);
            rows.add(row);
            previous = row.hash();
        }
        script.insertAll("application_transition", rows);
        // the same object updated again (should its transaction roll back and it be tried again) reads the chain
        chainEnds.remove(application);
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
        HeldWrites.sendHeld(jdbc);
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
        String counting = "SELECT %d, subject_key FROM application WHERE %s = ? AND FIELD(state, 'SUBMITTED', "
                + "'AWAITING_SMS_CONFIRMATION', 'IN_REVIEW', 'APPROVED') > 0 AND NOT (subject_key <=> ?)";
        List<java.util.Set<String>> others = List.of(new java.util.HashSet<>(), new java.util.HashSet<>());
        Sql.query(jdbc, counting.formatted(0, "principal_certificate_number") + " UNION ALL "
                        + counting.formatted(1, "principal_phone"),
                rs -> others.get(rs.getInt(1)).add(rs.getString(2)), certificateNumber, subjectKey, phone, subjectKey);
        return new PrincipalUsage(others.get(0).size(), others.get(1).size());
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

    /**
     * The applications with these ids, read whole by one statement: a UNION ALL of the five tables, each with
     * columns of its own, the first column saying which table a row is from. One statement reads one moment, so it
     * needs no read transaction of its own; and it is one round trip and one parse instead of five. (Tried before
     * this: the parts as JSON_ARRAYAGG columns — the server's CPU for a load doubled, aggregating long strings.)
     */
    private List<Application> whole(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(ids.size() * PARTS.size());
        for (int part = 0; part < PARTS.size(); part++) {
            parameters.addAll(ids);
        }
        List<ApplicationRow> rows = new ArrayList<>();
        List<ApplicationServiceRow> services = new ArrayList<>();
        List<PreApprovalRow> preApprovals = new ArrayList<>();
        List<ApplicationMaterialRow> materials = new ArrayList<>();
        List<TransitionRow> transitions = new ArrayList<>();
        Sql.query(jdbc, ids.size() == 1 ? WHOLE_ONE : wholeStatement(ids.size()), rs -> {
            // the first column says which part the row is, by its place in PARTS
            int part = rs.getInt(1);
            int at = 1 + PART_OFFSETS[part];
            switch (part) {
                case 0 -> rows.add(APPLICATIONS.read(rs, at));
                case 1 -> services.add(SERVICES.read(rs, at));
                case 2 -> preApprovals.add(PRE_APPROVALS.read(rs, at));
                case 3 -> materials.add(MATERIALS.read(rs, at));
                default -> transitions.add(TRANSITIONS.read(rs, at));
            }
            return null;
        }, parameters.toArray());
        // in the order each part is read in by its own query
        rows.sort(java.util.Comparator.comparing(ApplicationRow::id));
        services.sort(java.util.Comparator.comparingInt(ApplicationServiceRow::position));
        preApprovals.sort(java.util.Comparator.comparing(PreApprovalRow::id));
        materials.sort(java.util.Comparator.comparing(ApplicationMaterialRow::id));
        transitions.sort(java.util.Comparator.comparingInt(TransitionRow::seq));
        return assemble(rows, services, preApprovals, materials, transitions);
    }

    /** The tables of an application in the order of {@link #wholeStatement}'s branches. */
    private static final List<RecordReader<?>> PARTS = List.of(APPLICATIONS, SERVICES, PRE_APPROVALS, MATERIALS,
            TRANSITIONS);
    /** Where each part's columns start in a row of the union, after the part column. */
    private static final int[] PART_OFFSETS = new int[PARTS.size() + 1];

    static {
        for (int part = 0; part < PARTS.size(); part++) {
            PART_OFFSETS[part + 1] = PART_OFFSETS[part] + PARTS.get(part).width();
        }
    }

    /** The statement for one id, the usual case (a decision, a confirmation), built once. */
    private static final String WHOLE_ONE = wholeStatement(1);

    private static String wholeStatement(int ids) {
        int width = PART_OFFSETS[PARTS.size()];
        List<String> branches = new ArrayList<>();
        for (int part = 0; part < PARTS.size(); part++) {
            RecordReader<?> reader = PARTS.get(part);
            branches.add(reader.unionBranch(part, PART_OFFSETS[part], width - PART_OFFSETS[part + 1],
                    part == 0 ? "id" : "application_id", ids));
        }
        return String.join(" UNION ALL ", branches);
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
            HeldWrites.sendHeld(jdbc);
            return read.get();
        });
    }

    /** Loads the parts of a whole page of applications in one query per table, not one per application. */
    private List<Application> load(List<ApplicationRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(ApplicationRow::id).toList();
        return assemble(rows, SERVICES.whereIn(jdbc, "application_id", ids, "position"),
                PRE_APPROVALS.whereIn(jdbc, "application_id", ids, "id"),
                MATERIALS.whereIn(jdbc, "application_id", ids, "id"),
                TRANSITIONS.whereIn(jdbc, "application_id", ids, "seq"));
    }

    /** Each application with its parts; the parts of all of them come in their order. */
    private List<Application> assemble(List<ApplicationRow> rows, List<ApplicationServiceRow> services,
                                       List<PreApprovalRow> preApprovals, List<ApplicationMaterialRow> materials,
                                       List<TransitionRow> transitions) {
        Map<String, List<ApplicationServiceRow>> servicesById = services.stream()
                .collect(Collectors.groupingBy(ApplicationServiceRow::applicationId));
        Map<String, List<TransitionRow>> historyById = transitions.stream()
                .collect(Collectors.groupingBy(TransitionRow::applicationId));
        Map<String, List<PreApprovalRow>> preApprovalsById = preApprovals.stream()
                .collect(Collectors.groupingBy(PreApprovalRow::applicationId));
        Map<String, List<ApplicationMaterialRow>> materialsById = materials.stream()
                .collect(Collectors.groupingBy(ApplicationMaterialRow::applicationId));
        return rows.stream().map(row -> {
            List<TransitionRow> history = historyById.getOrDefault(row.id(), List.of());
            Application application = ApplicationRows.toApplication(row,
                    servicesById.getOrDefault(row.id(), List.of()), preApprovalsById.getOrDefault(row.id(), List.of()),
                    materialsById.getOrDefault(row.id(), List.of()), history);
            TransitionRow last = history.isEmpty() ? null : history.get(history.size() - 1);
            chainEnds.put(application, last == null ? new ChainEnd(0, "") : new ChainEnd(last.seq() + 1, last.hash()));
            return application;
        }).toList();
    }
}
