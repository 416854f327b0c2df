package icp.filing.adapters.persistence;

import icp.filing.application.port.Filings;
import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.FilingException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.filing.AccessRecord;
import icp.filing.domain.filing.ContentSource;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.FilingEvent;
import icp.filing.domain.filing.FilingState;
import icp.filing.domain.filing.RecordChain;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Subject;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Filings in MariaDB. A filing row, a row per service (with what the public query shows), a row per access record,
 * the domain ownership rows that hold national uniqueness, and the events. What a subject or service is comes from
 * the approved application item its row points at, loaded through {@link JdbcApplications}. An update is checked
 * against the version read and rewrites the access and domain rows of the filing in the caller's transaction; the
 * lookups borrow a connection of their own when called outside one.
 */
@Singleton
@Connectable
class JdbcFilings implements Filings {
    private final JdbcOperations jdbc;
    private final JdbcApplications applications;
    private final TransactionOperations<Connection> transactions;

    JdbcFilings(JdbcOperations jdbc, JdbcApplications applications, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.transactions = transactions;
    }

    /**
     * The filing's rows, in the approval's transaction (which holds its province's serial counter until it commits).
     */
    @Override
    public void add(Filing filing) {
        Subject subject = filing.subject();
        Script script = new Script().add("""
                INSERT INTO filing (subject_number, province_code, subject_nature, subject_name, subject_key, state,
                    live, subject_application_id, subject_approved_at, approved_application_id, approved_at,
                    next_service_sequence, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                filing.subjectNumber().toString(), subject.province().code(), subject.nature().code(), subject.name(),
                subject.identityKey(), filing.state().name(), live(filing.isFiled()),
                filing.subjectSource().application().value(), UtcColumns.column(filing.subjectSource().at()),
                filing.subjectSource().application().value(), UtcColumns.column(filing.filedAt()),
                filing.nextServiceSequence())
                .refuse("uk_filing_subject", subjectFiled());
        // a new number: no event of it is stored, its chain starts here
        writeServices(script, filing, Set.of(), "");
        script.run(jdbc);
    }

    private static AlreadyExistsException subjectFiled() {
        return new AlreadyExistsException(Reason.SUBJECT_ALREADY_FILED, "该主体已有备案 / the subject is already filed");
    }

    @Override
    public void update(Filing filing) {
        Subject subject = filing.subject();
        int updated = execute("""
                UPDATE filing SET subject_name = ?, subject_key = ?, state = ?, live = ?, subject_application_id = ?,
                    subject_approved_at = ?, next_service_sequence = ?, version = version + 1
                WHERE subject_number = ? AND version = ?""",
                Map.of("uk_filing_subject", subjectFiled()),
                subject.name(), subject.identityKey(), filing.state().name(), live(filing.isFiled()),
                filing.subjectSource().application().value(), UtcColumns.column(filing.subjectSource().at()),
                filing.nextServiceSequence(), filing.subjectNumber().toString(), filing.version());
        if (updated != 1) {
            throw new ConcurrentUpdateException(Reason.CONCURRENT_UPDATE,
                    "备案已被他人变更 / filing " + filing.subjectNumber() + " was changed by someone else");
        }
        String number = filing.subjectNumber().toString();
        // the version-checked update holds the filing's row lock: nobody else rewrites these rows meanwhile
        execute("DELETE FROM filed_access WHERE service_number IN (SELECT service_number FROM filed_service "
                + "WHERE subject_number = ?)", Map.of(), number);
        execute("DELETE FROM filed_domain WHERE service_number IN (SELECT service_number FROM filed_service "
                + "WHERE subject_number = ?)", Map.of(), number);
        execute("DELETE FROM registrable_domain_owner WHERE subject_number = ?", Map.of(), number);
        // the filing's row is locked: nobody appends to its chain meanwhile
        String previous = queryStrings("SELECT hash FROM filing_event WHERE subject_number = ? ORDER BY id DESC "
                + "LIMIT 1", number).stream().findFirst().orElse("");
        Script script = new Script();
        writeServices(script, filing, new LinkedHashSet<>(queryStrings(
                "SELECT service_number FROM filed_service WHERE subject_number = ?", number)), previous);
        script.run(jdbc);
    }

    /**
     * Services (inserted or updated), their access records, the domains of those filed, and the new events chained
     * after {@code previousHash}, added to {@code script}.
     */
    private static void writeServices(Script script, Filing filing, Set<String> stored, String previousHash) {
        String subjectNumber = filing.subjectNumber().toString();
        Set<DomainName> registrable = new LinkedHashSet<>();
        for (FiledService service : filing.services()) {
            writeService(script, subjectNumber, service, stored.contains(service.number().toString()));
            for (AccessRecord access : service.accesses()) {
                script.add("""
                        INSERT INTO filed_access (service_number, provider_id, access_method, access_ips,
                            server_location, since) VALUES (?, ?, ?, ?, ?, ?)""",
                        service.number().toString(), access.provider().value(), access.access().method().code(),
                        String.join(",", access.access().ipAddresses().stream().map(IpAddress::value).toList()),
                        access.access().serverLocation() == null ? null : access.access().serverLocation().code(),
                        UtcColumns.column(access.since()));
            }
            if (service.isFiled()) {
                registrable.addAll(service.registrableDomains());
                writeDomains(script, service);
            }
        }
        if (!registrable.isEmpty()) {
            script.insert("INSERT INTO registrable_domain_owner (registrable_domain, subject_number)",
                    registrable.stream().map(domain -> new Object[] {domain.ascii(), subjectNumber}).toList());
            registrable.forEach(domain -> script.refuse("PRIMARY", "'" + domain.ascii() + "'", domainTaken(domain)));
        }
        String previous = previousHash;
        List<Object[]> events = new ArrayList<>();
        for (FilingEvent event : filing.newEvents()) {
            String hash = RecordChain.hash(previous, event);
            events.add(new Object[] {subjectNumber, event.kind().name(), event.number().toString(),
                event.provider() == null ? null : event.provider().value(),
                event.application() == null ? null : event.application().value(),
                event.bureauUser() == null ? null : event.bureauUser().kind().name(),
                event.bureauUser() == null ? null : event.bureauUser().id(),
                event.reasons().isEmpty() ? null : String.join(",", event.reasons()), event.comment(),
                event.changes().isEmpty() ? null : RecordChain.changes(event.changes()),
                UtcColumns.column(event.at()), previous, hash});
            previous = hash;
        }
        script.insert("""
                INSERT INTO filing_event (subject_number, kind, number, provider_id, application_id, actor_kind,
                    actor_id, reasons, comment, changes, at, prev_hash, hash)""", events);
    }

    private static void writeService(Script script, String subjectNumber, FiledService filed, boolean exists) {
        AppIdentity identity = filed.service().appIdentity().orElse(null);
        String key = identity == null ? null : identity.key();
        if (key != null) {
            AlreadyExistsException taken = new AlreadyExistsException(Reason.APP_ALREADY_FILED,
                    "该应用已被备案 / " + key + " is already filed");
            // the entry is (kind, platform, app_key) joined by '-'; should the server quote a key otherwise, the
            // refusal is still APP_ALREADY_FILED, naming an app of the filing
            script.refuse("uk_filed_service_app", "-" + key + "'", taken).refuse("uk_filed_service_app", taken);
        }
        String preApprovals = String.join(",", filed.service().content().preApprovals().stream()
                .map(p -> p.type().name()).distinct().toList());
        Object[] shown = {filed.service().name(), ApplicationRows.joinedDomains(filed.service()),
            filed.service() instanceof Website w ? w.homeUrl() : null, identity == null ? null : identity.platform(),
            key, filed.state().name(), live(filed.isFiled()), filed.source().application().value(),
            filed.source().item(), UtcColumns.column(filed.source().at()), preApprovals, filed.number().toString()};
        if (exists) {
            script.add("""
                    UPDATE filed_service SET name = ?, domains = ?, home_url = ?, platform = ?, app_key = ?, state = ?,
                        live = ?, source_application_id = ?, source_item = ?, approved_at = ?, pre_approval_types = ?
                    WHERE service_number = ?""", shown);
        } else {
            Object[] row = Arrays.copyOf(shown, shown.length + 2);
            row[shown.length] = subjectNumber;
            row[shown.length + 1] = filed.service().kind().name();
            script.add("""
                    INSERT INTO filed_service (name, domains, home_url, platform, app_key, state, live,
                        source_application_id, source_item, approved_at, pre_approval_types, service_number,
                        subject_number, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row);
        }
    }

    private static void writeDomains(Script script, FiledService filed) {
        if (filed.service() instanceof Website w) {
            List<Object[]> rows = new ArrayList<>();
            for (DomainName domain : w.domains()) {
                DomainName owner = filed.registrableDomains().stream().filter(domain::isAtOrUnder).findFirst()
                        .orElse(domain);
                rows.add(new Object[] {domain.ascii(), owner.ascii(), filed.number().toString()});
                script.refuse("PRIMARY", "'" + domain.ascii() + "'", domainTaken(domain));
            }
            script.insert("INSERT INTO filed_domain (domain, registrable_domain, service_number)", rows);
        }
    }

    private static AlreadyExistsException domainTaken(DomainName domain) {
        return new AlreadyExistsException(Reason.DOMAIN_ALREADY_FILED, "域名 " + domain + " 已被备案 / already filed");
    }

    @Override
    public Optional<Filing> find(FilingNumber subjectNumber) {
        String number = subjectNumber.subjectNumber().toString();
        return transactions.executeRead(status -> Optional.ofNullable(load(List.of(number)).get(number)));
    }

    /** Several filings read together, one query per table for all of them, at one moment (one read transaction). */
    @Override
    public Map<FilingNumber, Filing> findAll(java.util.Collection<FilingNumber> subjectNumbers) {
        List<String> numbers = subjectNumbers.stream().map(n -> n.subjectNumber().toString()).distinct().toList();
        Map<String, Filing> loaded = transactions.executeRead(status -> load(numbers));
        Map<FilingNumber, Filing> found = new java.util.HashMap<>();
        loaded.values().forEach(filing -> found.put(filing.subjectNumber(), filing));
        return found;
    }

    private record FilingRow(String subjectNumber, String state, String subjectApplication, Instant subjectApprovedAt,
                             int nextSequence, Instant filedAt, long version) {
    }

    /** {@code registrable}: from the domain rows, which a cancelled website no longer has (nor needs). */
    private record ServiceRow(String subjectNumber, String number, String state, String sourceApplication,
                              int sourceItem, Instant approvedAt, List<String> registrable) {
    }

    /** The filings under these subject numbers (those stored), by subject number. */
    private Map<String, Filing> load(List<String> subjectNumbers) {
        if (subjectNumbers.isEmpty()) {
            return Map.of();
        }
        String in = Sql.marks(subjectNumbers.size());
        Object[] numbers = subjectNumbers.toArray();
        List<FilingRow> filings = query("""
                SELECT subject_number, state, subject_application_id, subject_approved_at, next_service_sequence,
                    approved_at, version FROM filing WHERE subject_number IN (""" + in + ")", rs -> new FilingRow(
                rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getInt(5), instant(rs, 6),
                rs.getLong(7)), numbers);
        if (filings.isEmpty()) {
            return Map.of();
        }
        Map<String, List<ServiceRow>> services = new java.util.HashMap<>();
        query("""
                SELECT s.subject_number, s.service_number, s.state, s.source_application_id, s.source_item,
                    s.approved_at,
                    (SELECT GROUP_CONCAT(DISTINCT d.registrable_domain ORDER BY d.domain SEPARATOR ',')
                     FROM filed_domain d
                     WHERE d.service_number = s.service_number)
                FROM filed_service s
                WHERE s.subject_number IN (""" + in + ")", rs -> services
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ServiceRow(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), instant(rs, 6),
                        ApplicationRows.split(rs.getString(7)))), numbers);
        Map<String, List<AccessRecord>> accesses = new java.util.HashMap<>();
        query("""
                SELECT a.service_number, a.provider_id, a.access_method, a.access_ips, a.server_location, a.since
                FROM filed_access a JOIN filed_service s
                    ON s.service_number = a.service_number
                WHERE s.subject_number IN (""" + in + ") ORDER BY a.since, a.provider_id", rs -> accesses
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new AccessRecord(new ProviderId(rs.getString(2)), new Access(AccessMethod.byCode(rs.getInt(3)),
                        ApplicationRows.split(rs.getString(4)).stream().map(IpAddress::new).toList(),
                        rs.getString(5) == null ? null : Province.byCode(rs.getString(5)).orElseThrow()),
                        instant(rs, 6))), numbers);
        Set<String> sources = new LinkedHashSet<>();
        filings.forEach(row -> sources.add(row.subjectApplication()));
        services.values().forEach(list -> list.forEach(s -> sources.add(s.sourceApplication())));
        Map<String, Application> approved = applications.findAll(sources);
        Map<String, Filing> loaded = new java.util.HashMap<>();
        for (FilingRow row : filings) {
            loaded.put(row.subjectNumber(), assemble(row, services.getOrDefault(row.subjectNumber(), List.of()),
                    accesses, approved));
        }
        return loaded;
    }

    private static Filing assemble(FilingRow row, List<ServiceRow> services, Map<String, List<AccessRecord>> accesses,
                                   Map<String, Application> approved) {
        List<FiledService> filed = services.stream().map(s -> new FiledService(FilingNumber.parse(s.number()),
                approved.get(s.sourceApplication()).services().get(s.sourceItem()), FilingState.valueOf(s.state()),
                accesses.getOrDefault(s.number(), List.of()),
                s.registrable().stream().map(DomainName::new).toList(),
                new ContentSource(new ApplicationId(s.sourceApplication()), s.sourceItem(), s.approvedAt())))
                .sorted(java.util.Comparator.comparingInt(s -> s.number().suffix().sequence()))
                .toList();
        return Filing.restore(FilingNumber.parse(row.subjectNumber()),
                approved.get(row.subjectApplication()).subject(),
                new ContentSource(new ApplicationId(row.subjectApplication()), 0, row.subjectApprovedAt()),
                FilingState.valueOf(row.state()), filed, row.nextSequence(), row.filedAt(), row.version());
    }

    @Override
    public List<FilingEvent> events(FilingNumber subjectNumber) {
        return record(subjectNumber).stream().map(RecordChain.Entry::event).toList();
    }

    @Override
    public List<RecordChain.Entry> record(FilingNumber subjectNumber) {
        return query("""
                SELECT kind, number, provider_id, application_id, at, actor_kind, actor_id, reasons, comment,
                    prev_hash, hash, changes
                FROM filing_event WHERE subject_number = ? ORDER BY id LIMIT 100000""", rs -> new RecordChain.Entry(
                new FilingEvent(
                FilingEvent.Kind.valueOf(rs.getString(1)), FilingNumber.parse(rs.getString(2)),
                rs.getString(3) == null ? null : new ProviderId(rs.getString(3)),
                rs.getString(4) == null ? null : new ApplicationId(rs.getString(4)), instant(rs, 5),
                rs.getString(6) == null ? null : new icp.filing.domain.application.Actor(
                        icp.filing.domain.application.Actor.Kind.valueOf(rs.getString(6)), rs.getString(7)),
                ApplicationRows.split(rs.getString(8)), rs.getString(9),
                RecordChain.parseChanges(rs.getString(12))), rs.getString(10), rs.getString(11)),
                subjectNumber.subjectNumber().toString());
    }

    @Override
    public Optional<FilingNumber> filedSubjectNumber(Subject subject) {
        return queryStrings(SUBJECT_FILED, subject.identityKey()).stream().findFirst().map(FilingNumber::parse);
    }

    /** The live filing of a subject, by its identity key. */
    static final String SUBJECT_FILED = "SELECT subject_number FROM filing WHERE subject_key = ? AND live = 1";

    @Override
    public Optional<FilingNumber> ownerOf(DomainName registrableDomain) {
        return query(domainOwners(1), rs -> rs.getString(2), registrableDomain.ascii()).stream().findFirst()
                .map(FilingNumber::parse);
    }

    /** The subjects holding {@code count} registrable domains: (registrable domain, subject number). */
    static String domainOwners(int count) {
        return "SELECT registrable_domain, subject_number FROM registrable_domain_owner WHERE registrable_domain IN ("
                + Sql.marks(count) + ")";
    }

    /** Which of {@code count} APPs are filed: (kind, platform, app key); each takes its three values in that order. */
    static String filedApps(int count) {
        return "SELECT kind, platform, app_key FROM filed_service WHERE live = 1 AND ("
                + String.join(" OR ", java.util.Collections.nCopies(count,
                "(kind = ? AND platform = ? AND app_key = ?)")) + ")";
    }

    @Override
    public List<FilingNumber> neverUploaded(int limit) {
        return Sql.query(jdbc, """
                SELECT f.subject_number FROM filing f WHERE NOT EXISTS (SELECT 1 FROM outbox_entry o
                    WHERE o.channel = 'MINISTRY_UPLOAD' AND o.recipient = f.subject_number)
                ORDER BY f.subject_number LIMIT ?""", rs -> FilingNumber.parse(rs.getString(1)), limit);
    }

    @Override
    public boolean isAppFiled(AppIdentity app) {
        return !queryStrings(filedApps(1), app.kind().name(), app.platform(), app.key()).isEmpty();
    }

    @Override
    public Page<Shell> shells(Province province, PageRequest page) {
        String from = """
                FROM filed_service s JOIN filing f ON f.subject_number = s.subject_number
                WHERE f.province_code = ? AND s.live = 1
                  AND NOT EXISTS (SELECT 1 FROM filed_access a WHERE a.service_number = s.service_number)""";
        return transactions.executeRead(status -> {
            long total = query("SELECT COUNT(*) " + from, rs -> rs.getLong(1), province.code()).get(0);
            List<Shell> shells = query("""
                    SELECT s.service_number, s.name, f.subject_name,
                        (SELECT MAX(e.at) FROM filing_event e WHERE e.subject_number = s.subject_number
                         AND e.number = s.service_number AND e.kind = 'ACCESS_CANCELLED') AS since
                    """ + from + " ORDER BY since, s.service_number LIMIT " + page.size() + " OFFSET "
                    + (long) page.page() * page.size(), rs -> new Shell(rs.getString(1), rs.getString(2),
                    rs.getString(3), instant(rs, 4)), province.code());
            return new Page<>(shells, page.page(), page.size(), total);
        });
    }

    private static Integer live(boolean filed) {
        return filed ? 1 : null;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return UtcColumns.instant(rs.getObject(column, LocalDateTime.class));
    }

    private List<String> queryStrings(String sql, Object... parameters) {
        return query(sql, rs -> rs.getString(1), parameters);
    }

    private <T> List<T> query(String sql, Sql.Row<T> mapper, Object... parameters) {
        return Sql.query(jdbc, sql, mapper, parameters);
    }

    private int execute(String sql, Map<String, ? extends FilingException> uniqueKeys, Object... parameters) {
        try {
            return Sql.execute(jdbc, sql, parameters);
        } catch (RuntimeException e) {
            throw UniqueKeys.translate(e, uniqueKeys);
        }
    }
}
