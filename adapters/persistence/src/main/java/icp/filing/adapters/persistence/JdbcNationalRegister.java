package icp.filing.adapters.persistence;

import icp.filing.application.port.NationalFiling;
import icp.filing.application.port.NationalRegister;
import icp.filing.application.port.PublicRegister;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PreApprovalType;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The national register in MariaDB (V17). An upload replaces what the register holds of the filing, in one
 * transaction, when its version is newer; the unique keys over the live columns refuse a subject, registrable domain
 * or APP that another filing holds filed.
 */
@Singleton
@Connectable
class JdbcNationalRegister implements NationalRegister {
    private static final Map<String, AlreadyExistsException> TAKEN = Map.of(
            "uk_national_live_identity", new AlreadyExistsException(Reason.SUBJECT_ALREADY_FILED,
                    "the subject is filed in the national register under another number"),
            "uk_national_live_domain", new AlreadyExistsException(Reason.DOMAIN_ALREADY_FILED,
                    "a registrable domain of the filing is filed nationally by another subject"),
            "uk_national_live_app", new AlreadyExistsException(Reason.APP_ALREADY_FILED,
                    "an APP of the filing is filed nationally by another subject"));

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final PublicAnswerCache publicAnswers;

    JdbcNationalRegister(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Clock clock,
                         PublicAnswerCache publicAnswers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.publicAnswers = publicAnswers;
    }

    /**
     * The public answers kept in memory are dropped when the change's transaction ends, not before: a query between
     * the change and its commit would keep the old answer again.
     */
    private void dropPublicAnswersAfter(TransactionStatus<Connection> status) {
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(Status completed) {
                publicAnswers.changed();
            }
        });
    }

    @Override
    public NationalFiling.Uploaded apply(NationalFiling filing) {
        try {
            return transactions.executeWrite(status -> {
                dropPublicAnswersAfter(status);
                return applyInTransaction(filing);
            });
        } catch (RuntimeException e) {
            throw UniqueKeys.translate(e, TAKEN);
        }
    }

    /**
     * A round in one transaction; should it fail — one of them refused, most likely — each on its own, so that the
     * refusal is that filing's alone.
     */
    @Override
    public List<NationalFiling.Applied> applyAll(List<NationalFiling> filings) {
        try {
            return transactions.executeWrite(status -> {
                dropPublicAnswersAfter(status);
                return applyAllInTransaction(filings);
            });
        } catch (RuntimeException e) {
            return NationalRegister.super.applyAll(filings);
        }
    }

    /**
     * Set-based: the versions held read and locked together, the filings new to the register inserted one batch per
     * table, the uploads recorded in one batch; a filing the register holds already is replaced on its own. A round
     * that names one filing twice is taken in order, filing by filing (the second upload meets the first one's rows).
     */
    private List<NationalFiling.Applied> applyAllInTransaction(List<NationalFiling> filings) {
        if (filings.stream().map(NationalFiling::subjectNumber).distinct().count() < filings.size()) {
            return filings.stream().map(f -> new NationalFiling.Applied(applyInTransaction(f), null)).toList();
        }
        Map<String, Long> held = new java.util.HashMap<>();
        Sql.query(jdbc, "SELECT subject_number, version FROM national_filing WHERE subject_number IN ("
                        + Sql.marks(filings.size()) + ") FOR UPDATE", rs -> held.put(rs.getString(1), rs.getLong(2)),
                filings.stream().map(f -> (Object) f.subjectNumber()).toArray());
        List<NationalFiling> fresh = new java.util.ArrayList<>();
        List<NationalFiling.Applied> applied = new java.util.ArrayList<>(filings.size());
        List<Object[]> uploads = new java.util.ArrayList<>(filings.size());
        LocalDateTime now = UtcColumns.column(clock.instant());
        for (NationalFiling f : filings) {
            Long version = held.get(f.subjectNumber());
            NationalFiling.Outcome outcome;
            if (version == null) {
                fresh.add(f);
                outcome = NationalFiling.Outcome.APPLIED;
            } else if (version < f.version()) {
                replace(f, true);
                outcome = NationalFiling.Outcome.APPLIED;
            } else {
                outcome = version == f.version() ? NationalFiling.Outcome.DUPLICATE : NationalFiling.Outcome.STALE;
            }
            uploads.add(new Object[] {f.subjectNumber(), f.province().code(), f.version(), outcome.name(), now});
            applied.add(new NationalFiling.Applied(new NationalFiling.Uploaded(outcome,
                    outcome == NationalFiling.Outcome.APPLIED ? f.version() : version), null));
        }
        Sql.batch(jdbc, INSERT_FILING, fresh.stream().map(this::filingRow).toList());
        Sql.batch(jdbc, INSERT_SERVICE, fresh.stream().flatMap(f -> serviceRows(f).stream()).toList());
        Sql.batch(jdbc, INSERT_DOMAIN, fresh.stream().flatMap(f -> domainRows(f).stream()).toList());
        Sql.batch(jdbc, INSERT_UPLOAD, uploads);
        return applied;
    }

    private NationalFiling.Uploaded applyInTransaction(NationalFiling filing) {
        List<Long> held = Sql.query(jdbc, "SELECT version FROM national_filing WHERE subject_number = ? FOR UPDATE",
                rs -> rs.getLong(1), filing.subjectNumber());
        NationalFiling.Outcome outcome;
        if (held.isEmpty() || held.get(0) < filing.version()) {
            replace(filing, !held.isEmpty());
            outcome = NationalFiling.Outcome.APPLIED;
        } else {
            outcome = held.get(0) == filing.version() ? NationalFiling.Outcome.DUPLICATE : NationalFiling.Outcome.STALE;
        }
        Sql.execute(jdbc, """
                INSERT INTO national_upload (subject_number, province_code, version, outcome, at)
                VALUES (?, ?, ?, ?, ?)""", filing.subjectNumber(), filing.province().code(), filing.version(),
                outcome.name(), UtcColumns.column(clock.instant()));
        return new NationalFiling.Uploaded(outcome, held.isEmpty() || outcome == NationalFiling.Outcome.APPLIED
                ? filing.version() : held.get(0));
    }

    private static final String INSERT_FILING = """
            INSERT INTO national_filing (province_code, version, subject_identity, live_identity, filed,
                subject_name, person, nature_name, uploaded_at, subject_number)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_SERVICE = """
            INSERT INTO national_service (number, subject_number, kind, name, filed, domains, registrable,
                home_url, app_platform, app_key, live_app, approved_at, pre_approvals)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_DOMAIN = """
            INSERT INTO national_domain (subject_number, registrable_domain, live_domain, answer) VALUES (?, ?, ?, ?)""";
    private static final String INSERT_UPLOAD = """
            INSERT INTO national_upload (subject_number, province_code, version, outcome, at) VALUES (?, ?, ?, ?, ?)""";

    private void replace(NationalFiling f, boolean exists) {
        Object[] row = filingRow(f);
        if (exists) {
            Sql.execute(jdbc, """
                    UPDATE national_filing SET province_code = ?, version = ?, subject_identity = ?, live_identity = ?,
                        filed = ?, subject_name = ?, person = ?, nature_name = ?, uploaded_at = ?
                    WHERE subject_number = ?""", row);
            Sql.execute(jdbc, "DELETE FROM national_service WHERE subject_number = ?", f.subjectNumber());
            Sql.execute(jdbc, "DELETE FROM national_domain WHERE subject_number = ?", f.subjectNumber());
        } else {
            Sql.execute(jdbc, INSERT_FILING, row);
        }
        Sql.batch(jdbc, INSERT_SERVICE, serviceRows(f));
        Sql.batch(jdbc, INSERT_DOMAIN, domainRows(f));
    }

    private Object[] filingRow(NationalFiling f) {
        return new Object[] {f.province().code(), f.version(), f.subjectIdentitySha256(),
                f.filed() ? f.subjectIdentitySha256() : null, f.filed(), f.subjectName(), f.person(), f.natureName(),
                UtcColumns.column(clock.instant()), f.subjectNumber()};
    }

    private static List<Object[]> serviceRows(NationalFiling f) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (NationalFiling.Service s : f.services()) {
            AppIdentity app = s.app();
            boolean live = s.filed() && f.filed();
            rows.add(new Object[] {s.number(), f.subjectNumber(), s.kind().name(), s.name(), live,
                    String.join(" ", s.domains()), String.join(" ", s.registrableDomains()), s.homeUrl(),
                    app == null ? null : app.platform(), app == null ? null : app.key(),
                    app != null && live ? appKey(app) : null, UtcColumns.column(s.approvedAt()),
                    String.join(",", s.preApprovals())});
        }
        return rows;
    }

    /** A row per registrable domain; a filed one carries its public answer (V18), so the public query reads one row. */
    private static List<Object[]> domainRows(NationalFiling f) {
        Map<String, Boolean> domains = new LinkedHashMap<>();
        for (NationalFiling.Service s : f.services()) {
            s.registrableDomains().forEach(d -> domains.merge(d, s.filed() && f.filed(), Boolean::logicalOr));
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        domains.forEach((domain, live) -> rows.add(new Object[] {f.subjectNumber(), domain, live ? domain : null,
                live ? PublicAnswers.encode(publicEntries(f, domain)) : null}));
        return rows;
    }

    /** What the public sees under a filed registrable domain: the filed services holding it, oldest first. */
    static List<PublicRegister.Entry> publicEntries(NationalFiling f, String registrableDomain) {
        return f.services().stream()
                .filter(s -> s.filed() && s.registrableDomains().contains(registrableDomain))
                .map(s -> entry(f, s))
                .sorted(Comparator.comparing(PublicRegister.Entry::approvedAt)
                        .thenComparing(PublicRegister.Entry::serviceNumber))
                .limit(JdbcNationalPublicRegister.MAX_PUBLIC_ROWS)
                .toList();
    }

    private static PublicRegister.Entry entry(NationalFiling f, NationalFiling.Service s) {
        AppIdentity app = s.app();
        return new PublicRegister.Entry(f.subjectName(), f.person(), f.natureName(), f.subjectNumber(), s.number(),
                s.kind(), s.name(), s.domains().stream().map(d -> new DomainName(d).unicode()).toList(),
                s.homeUrl(), app == null ? null : app.platform(), app == null ? null : app.key(),
                s.approvedAt().truncatedTo(ChronoUnit.MICROS),
                s.preApprovals().stream().filter(p -> !p.isEmpty()).map(PreApprovalType::valueOf).toList());
    }

    @Override
    public void importBatch(String source, long position, List<NationalFiling> filings) {
        try {
            transactions.executeWrite(status -> {
                dropPublicAnswersAfter(status);
                importInTransaction(source, position, filings);
                return null;
            });
        } catch (RuntimeException e) {
            throw UniqueKeys.translate(e, TAKEN);
        }
    }

    /** New filings in one batch per table; a filing the register knows already is applied as an upload is. */
    private void importInTransaction(String source, long position, List<NationalFiling> filings) {
        Set<String> known = new HashSet<>(Sql.query(jdbc, "SELECT subject_number FROM national_filing WHERE "
                + "subject_number IN (" + Sql.marks(filings.size()) + ")", rs -> rs.getString(1),
                filings.stream().map(f -> (Object) f.subjectNumber()).toArray()));
        List<NationalFiling> fresh = new java.util.ArrayList<>();
        List<NationalFiling> again = new java.util.ArrayList<>();
        for (NationalFiling f : filings) {
            (known.add(f.subjectNumber()) ? fresh : again).add(f);
        }
        Sql.batch(jdbc, INSERT_FILING, fresh.stream().map(this::filingRow).toList());
        Sql.batch(jdbc, INSERT_SERVICE, fresh.stream().flatMap(f -> serviceRows(f).stream()).toList());
        Sql.batch(jdbc, INSERT_DOMAIN, fresh.stream().flatMap(f -> domainRows(f).stream()).toList());
        Sql.batch(jdbc, INSERT_UPLOAD, fresh.stream().map(f -> new Object[] {f.subjectNumber(), f.province().code(),
                f.version(), "IMPORTED", UtcColumns.column(clock.instant())}).toList());
        again.forEach(this::applyInTransaction);
        Sql.execute(jdbc, """
                INSERT INTO national_import (source, position, updated_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE position = VALUES(position), updated_at = VALUES(updated_at)""",
                source, position, UtcColumns.column(clock.instant()));
    }

    @Override
    public long imported(String source) {
        return Sql.query(jdbc, "SELECT position FROM national_import WHERE source = ?", rs -> rs.getLong(1), source)
                .stream().findFirst().orElse(0L);
    }

    private static String appKey(AppIdentity app) {
        return app.kind().name() + "|" + app.platform() + "|" + app.key();
    }

    @Override
    public NationalFiling.Registered check(Collection<String> registrableDomains, Collection<AppIdentity> apps,
                                           String subjectIdentitySha256) {
        Map<String, String> owners = new LinkedHashMap<>();
        if (!registrableDomains.isEmpty()) {
            Sql.query(jdbc, "SELECT live_domain, subject_number FROM national_domain WHERE live_domain IN ("
                    + Sql.marks(registrableDomains.size()) + ")", rs -> owners.put(rs.getString(1), rs.getString(2)),
                    registrableDomains.toArray());
        }
        Set<AppIdentity> filed = new HashSet<>();
        if (!apps.isEmpty()) {
            Map<String, AppIdentity> byKey = new LinkedHashMap<>();
            apps.forEach(a -> byKey.put(appKey(a), a));
            Sql.query(jdbc, "SELECT live_app FROM national_service WHERE live_app IN (" + Sql.marks(byKey.size()) + ")",
                    rs -> filed.add(byKey.get(rs.getString(1))), byKey.keySet().toArray());
        }
        boolean subject = !subjectIdentitySha256.isEmpty() && !Sql.query(jdbc,
                "SELECT 1 FROM national_filing WHERE live_identity = ?", rs -> 1, subjectIdentitySha256).isEmpty();
        return new NationalFiling.Registered(owners, filed, subject);
    }

}
