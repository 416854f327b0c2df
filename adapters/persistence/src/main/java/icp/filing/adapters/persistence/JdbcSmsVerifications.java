package icp.filing.adapters.persistence;

import icp.filing.application.port.SmsVerifications;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.verification.SmsVerification;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * SMS verifications in MariaDB through Micronaut Data: a row per application ({@code @Version}), a row per principal
 * to confirm (codes as hashes only).
 */
@Singleton
class JdbcSmsVerifications implements SmsVerifications {
    /** A marker: the insert found the application's earlier verification. */
    private static final icp.filing.domain.error.AlreadyExistsException REPLACE =
            new icp.filing.domain.error.AlreadyExistsException(Reason.CONCURRENT_UPDATE, "earlier verification");

    private final SmsVerificationRepository verifications;
    private final SmsConfirmationRepository confirmations;

    JdbcSmsVerifications(SmsVerificationRepository verifications, SmsConfirmationRepository confirmations) {
        this.verifications = verifications;
        this.confirmations = confirmations;
    }

    /** The verification and its principals' rows: a new application has no verification to replace. */
    @Override
    public void start(SmsVerification v) {
        verifications.save(row(v, 0L));
        confirmations.saveAll(confirmationRows(v));
    }

    /**
     * Inserts first: a resubmission's earlier verification is replaced only when the insert finds it. Deleting first
     * would lock the gap where the new key goes, and concurrent first submissions would deadlock on those gaps.
     */
    @Override
    public void replace(SmsVerification v) {
        try {
            verifications.save(row(v, 0L));
        } catch (RuntimeException e) {
            if (UniqueKeys.translate(e, Map.of("PRIMARY", REPLACE)) != REPLACE) {
                throw e;
            }
            confirmations.deleteByKeyApplicationId(v.application().value());
            SmsVerificationRow earlier = verifications.findById(v.application().value()).orElseThrow();
            verifications.update(row(v, earlier.version()));
        }
        confirmations.saveAll(confirmationRows(v));
    }

    /**
     * Version-checked: a verification changed meanwhile is refused as a concurrent update. A verification keeps the
     * principals it started with (a confirmation changes in place, none comes or goes): its rows are updated where
     * they are.
     */
    @Override
    public void update(SmsVerification v) {
        try {
            verifications.update(row(v, v.version()));
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException(Reason.CONCURRENT_UPDATE,
                    "短信核验已被同时处理 / the SMS verification changed at the same moment; retry");
        }
        confirmations.updateAll(confirmationRows(v));
    }

    @Override
    public Optional<SmsVerification> find(ApplicationId application) {
        return verifications.findById(application.value()).flatMap(row -> load(List.of(row)).stream().findFirst());
    }

    @Override
    public List<SmsVerification> pendingFor(String phone) {
        List<String> waiting = confirmations.findByPhoneAndConfirmedAtIsNull(phone).stream()
                .map(c -> c.key().applicationId()).distinct().limit(1000).toList();
        return waiting.isEmpty() ? List.of() : load(verifications.findByApplicationIdInAndState(waiting,
                SmsVerification.State.PENDING.name()));
    }

    @Override
    public List<SmsVerification> pendingExpiredBy(Instant at, int limit) {
        return load(verifications.findByStateAndExpiresAtLessThanEquals(SmsVerification.State.PENDING.name(),
                UtcColumns.column(at), Pageable.from(0, limit, Sort.of(Sort.Order.asc("expiresAt")))));
    }

    /** The verifications of these rows, each with its principals in order, in the order of their application ids. */
    private List<SmsVerification> load(Collection<SmsVerificationRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<SmsConfirmationRow>> principals = confirmations.findByKeyApplicationIdInOrderByKeyPosition(
                rows.stream().map(SmsVerificationRow::applicationId).toList()).stream()
                .collect(Collectors.groupingBy(c -> c.key().applicationId()));
        List<SmsVerification> found = new ArrayList<>();
        for (SmsVerificationRow r : rows.stream().sorted(java.util.Comparator.comparing(
                SmsVerificationRow::applicationId)).toList()) {
            found.add(SmsVerification.restore(new ApplicationId(r.applicationId()),
                    principals.getOrDefault(r.applicationId(), List.of()).stream()
                            .map(c -> new SmsVerification.Confirmation(c.phone(), c.certificateTail(), c.codeHash(),
                                    UtcColumns.instant(c.confirmedAt()))).toList(),
                    UtcColumns.instant(r.expiresAt()), r.resends(), r.wrongCodes(),
                    SmsVerification.State.valueOf(r.state()), r.version()));
        }
        return found;
    }

    private static SmsVerificationRow row(SmsVerification v, Long version) {
        return new SmsVerificationRow(v.application().value(), v.state().name(), UtcColumns.column(v.expiresAt()),
                v.resends(), v.wrongCodes(), version);
    }

    private static List<SmsConfirmationRow> confirmationRows(SmsVerification v) {
        List<SmsVerification.Confirmation> all = v.confirmations();
        List<SmsConfirmationRow> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            SmsVerification.Confirmation c = all.get(i);
            rows.add(new SmsConfirmationRow(new SmsConfirmationRow.Key(v.application().value(), i), c.phone(),
                    c.certificateTail(), c.codeHash(), UtcColumns.column(c.confirmedAt())));
        }
        return rows;
    }
}
