package icp.filing.adapters.persistence;

import icp.filing.application.port.PublicRegister;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.service.ServiceKind;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public query from the national register (部侧), on a node that runs the ministry side (the default single
 * node, or a ministry-only one): what the provinces uploaded as filed now, in every province.
 */
@Singleton
@Requires(property = "icp.node.role", notEquals = "province")
class JdbcNationalPublicRegister implements PublicRegister {
    static final int MAX_PUBLIC_ROWS = 200;
    private static final String ENTRY_COLUMNS = """
            SELECT f.subject_name, f.person, f.nature_name, f.subject_number, s.number, s.kind, s.name, s.domains,
                   s.registrable, s.home_url, s.app_platform, s.app_key, s.approved_at, s.pre_approvals
            FROM national_service s JOIN national_filing f ON f.subject_number = s.subject_number
            WHERE s.filed AND f.filed AND\s
            """;
    private static final String ORDER = " ORDER BY s.approved_at, s.number LIMIT " + MAX_PUBLIC_ROWS;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcNationalPublicRegister.class);
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;
    private final PublicAnswerCache cache;

    JdbcNationalPublicRegister(JdbcOperations jdbc, ConnectionOperations<Connection> connections,
                               PublicAnswerCache cache) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.cache = cache;
    }

    /** A connection only when the database is read: an answer from memory takes none from the pool. */
    private <T> T connected(java.util.function.Supplier<T> reads) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> reads.get());
    }

    @Override
    @Connectable
    public List<Entry> byNumber(FilingNumber number) {
        return number.isServiceNumber()
                ? Sql.query(jdbc, ENTRY_COLUMNS + "s.number = ?" + ORDER, JdbcNationalPublicRegister::entry,
                        number.toString())
                : Sql.query(jdbc, ENTRY_COLUMNS + "f.subject_number = ?" + ORDER, JdbcNationalPublicRegister::entry,
                        number.toString());
    }

    @Override
    public Optional<List<Entry>> kept(DomainName registrableDomain) {
        return cache.kept(registrableDomain.ascii());
    }

    /**
     * From memory when asked lately ({@link PublicAnswerCache}), else the answer the register keeps beside the filed
     * domain (V18): one read on the domain's unique key.
     */
    @Override
    public List<Entry> byRegistrableDomain(DomainName registrableDomain) {
        String domain = registrableDomain.ascii();
        Optional<List<Entry>> kept = cache.kept(domain);
        if (kept.isPresent()) {
            return kept.get();
        }
        long readAt = cache.generation();
        List<Entry> entries = connected(() -> {
            List<String> answers = Sql.query(jdbc, "SELECT answer FROM national_domain WHERE live_domain = ?",
                    rs -> Objects.requireNonNullElse(rs.getString(1), ""), domain);
            return answers.isEmpty() ? List.<Entry>of() : answerOrJoined(registrableDomain, answers.get(0));
        });
        cache.keep(domain, entries, readAt);
        return entries;
    }

    /**
     * The kept answer, or the join when there is none (a row from before V18) or it cannot be read (written by a
     * later format, or damaged): the public sees the register either way.
     */
    private List<Entry> answerOrJoined(DomainName registrableDomain, String answer) {
        if (!answer.isEmpty()) {
            try {
                return PublicAnswers.decode(answer);
            } catch (RuntimeException unreadable) {
                // the kind of failure only: a message could quote the answer, and with it a person's name
                LOG.warn("public answer of {} unreadable ({}); read from the register's tables",
                        registrableDomain.ascii(), unreadable.getClass().getSimpleName());
            }
        }
        return joined(registrableDomain);
    }

    /** The filed subject holding the registrable domain, and of its services those whose domains lie under it. */
    private List<Entry> joined(DomainName registrableDomain) {
        String domain = registrableDomain.ascii();
        return Sql.query(jdbc, ENTRY_COLUMNS + """
                f.subject_number = (SELECT subject_number FROM national_domain WHERE live_domain = ?)
                AND CONCAT(' ', s.registrable, ' ') LIKE ?""" + ORDER, JdbcNationalPublicRegister::entry, domain,
                "% " + domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %");
    }

    /**
     * The domains asked lately from memory, the others in one read of the answers every domain carries; a domain
     * written before V18 is read joined.
     */
    @Override
    public Map<String, List<Entry>> byRegistrableDomains(Collection<DomainName> domains) {
        Map<String, List<Entry>> found = new LinkedHashMap<>();
        Map<String, DomainName> unknown = new LinkedHashMap<>();
        for (DomainName d : domains) {
            cache.kept(d.ascii()).ifPresentOrElse(entries -> found.put(d.ascii(), entries),
                    () -> unknown.put(d.ascii(), d));
        }
        if (!unknown.isEmpty()) {
            long readAt = cache.generation();
            connected(() -> {
                Map<String, String> answers = new LinkedHashMap<>();
                Sql.query(jdbc, "SELECT live_domain, answer FROM national_domain WHERE live_domain IN ("
                        + Sql.marks(unknown.size()) + ")", rs -> answers.put(rs.getString(1),
                                Objects.requireNonNullElse(rs.getString(2), "")), unknown.keySet().toArray());
                unknown.forEach((domain, asked) -> {
                    String answer = answers.get(domain);
                    List<Entry> entries = answer == null ? List.of() : answerOrJoined(asked, answer);
                    cache.keep(domain, entries, readAt);
                    found.put(domain, entries);
                });
                return null;
            });
        }
        found.values().removeIf(List::isEmpty);
        return found;
    }

    /** One query for every number, subject and service numbers alike. */
    @Override
    @Connectable
    public Map<String, List<Entry>> byNumbers(Collection<FilingNumber> numbers) {
        List<Object> parameters = numbers.stream().map(n -> (Object) n.toString()).toList();
        List<Object> twice = new ArrayList<>(parameters);
        twice.addAll(parameters);
        List<Entry> entries = Sql.query(jdbc, ENTRY_COLUMNS + "(s.number IN (" + Sql.marks(parameters.size())
                + ") OR f.subject_number IN (" + Sql.marks(parameters.size()) + "))" + ORDER,
                JdbcNationalPublicRegister::entry, twice.toArray());
        return PublicEntries.byNumber(numbers, entries);
    }


    @Override
    @Connectable
    public List<Entry> byUnitName(String unitName) {
        return Sql.query(jdbc, ENTRY_COLUMNS + "f.subject_name = ? AND NOT f.person" + ORDER,
                JdbcNationalPublicRegister::entry, unitName);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString("subject_name"), rs.getBoolean("person"), rs.getString("nature_name"),
                rs.getString("subject_number"), rs.getString("number"), ServiceKind.valueOf(rs.getString("kind")),
                rs.getString("name"), words(rs.getString("domains")).stream().map(d -> new DomainName(d).unicode())
                        .toList(), rs.getString("home_url"), rs.getString("app_platform"), rs.getString("app_key"),
                UtcColumns.instant(rs.getObject("approved_at", LocalDateTime.class)),
                List.of(rs.getString("pre_approvals").split(",")).stream().filter(p -> !p.isEmpty())
                        .map(PreApprovalType::valueOf).toList());
    }

    private static List<String> words(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.trim().split(" "));
    }
}
