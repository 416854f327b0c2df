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
 * Applications in MariaDB through Micronaut Data: one row each, what it asks for in its JSON column, its history the
 * chain of {@code application_transition}. Every read of an application reads its row and its transitions in one read
 * transaction, so a read never mixes states from before and after a concurrent decision.
 */
@Singleton
@io.micronaut.data.connection.annotation.Connectable // the principal-usage statement outside a transaction
class JdbcApplications implements Applications {
    private final ApplicationRowRepository applications;
    private final TransitionRowRepository transitions;
    private final ContentMapper content;
    private final TransactionOperations<Connection> transactionOperations;
    private final JdbcOperations jdbc;

    JdbcApplications(ApplicationRowRepository applications, TransitionRowRepository transitions,
                     ContentMapper content, TransactionOperations<Connection> transactionOperations,
                     JdbcOperations jdbc) {
        this.applications = applications;
        this.transitions = transitions;
        this.content = content;
        this.transactionOperations = transactionOperations;
        this.jdbc = jdbc;
    }

    /** The application's row and its first transitions, the start of its chain. */
    @Override
    public void add(Application application) {
        try {
            applications.save(ApplicationRows.toRow(application, stored(application)));
            transitions.saveAll(newTransitions(application, null));
        } catch (RuntimeException e) {
            throw UniqueKeys.translate(e, Map.of(
                    "uk_application_request", new AlreadyExistsException(Reason.DUPLICATE_REQUEST_ID,
                            "请求号已用过 / request id already used"),
                    "uk_application_open_subject", openApplicationExists()));
        }
    }

    private static AlreadyExistsException openApplicationExists() {
        return new AlreadyExistsException(Reason.OPEN_APPLICATION_EXISTS,
                "该主体已有进行中的申请 / the subject already has an application in progress");
    }

    private StoredContent stored(Application application) {
        return content.toStored(application.services(), application.materials());
    }

    /**
     * The row, version-checked (Micronaut Data's {@code @Version}), and the new transitions chained on from the last
     * one stored. Anything appended since this application was read moved the version with it (every append goes with
     * an update), so a stale copy is refused as a concurrent update before its transitions are written.
     */
    @Override
    public void update(Application application) {
        ConcurrentUpdateException concurrent = new ConcurrentUpdateException(Reason.CONCURRENT_UPDATE,
                "申请已被他人处理 / application " + application.id() + " was changed by someone else");
        try {
            applications.update(ApplicationRows.toRow(application, stored(application)));
            transitions.saveAll(newTransitions(application,
                    transitions.findFirstByApplicationIdOrderBySeqDesc(application.id().value()).orElse(null)));
        } catch (io.micronaut.data.exceptions.OptimisticLockException e) {
            throw concurrent;
        } catch (RuntimeException e) {
            // a resubmitted application opens again: the subject must not have another open one
            throw UniqueKeys.translate(e, Map.of("uk_application_open_subject", openApplicationExists(),
                    "uk_application_transition_seq", concurrent));
        }
    }

    /** The transitions of the application after the last one stored ({@code null}: none), chained on from it. */
    private static List<TransitionRow> newTransitions(Application application, TransitionRow last) {
        List<Transition> history = application.history();
        String id = application.id().value();
        String previous = last == null ? "" : last.hash();
        List<TransitionRow> rows = new ArrayList<>();
        for (int seq = last == null ? 0 : last.seq() + 1; seq < history.size(); seq++) {
            TransitionRow row = ApplicationRows.toRow(id, seq, history.get(seq), previous);
            rows.add(row);
            previous = row.hash();
        }
        return rows;
    }

    @Override
    public List<HistoryChain.Entry> history(ApplicationId id) {
        return snapshot(() -> transitions.findByApplicationIdOrderBySeq(id.value()).stream()
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

    /** The applications with these ids, each with its history. */
    private List<Application> whole(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return snapshot(() -> load(applications.findByIdIn(ids)));
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

    /** A read transaction: an application's row and its transitions from one snapshot. */
    private <T> T snapshot(Supplier<T> read) {
        return transactionOperations.executeRead(status -> read.get());
    }

    /** Each application of its row and its transitions, read together. */
    private List<Application> load(List<ApplicationRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<TransitionRow>> histories = transitions.findByApplicationIdInOrderBySeq(
                rows.stream().map(ApplicationRow::id).toList()).stream()
                .collect(java.util.stream.Collectors.groupingBy(TransitionRow::applicationId));
        return rows.stream().map(row -> ApplicationRows.toApplication(row, histories.getOrDefault(row.id(),
                List.of()), content)).toList();
    }
}
