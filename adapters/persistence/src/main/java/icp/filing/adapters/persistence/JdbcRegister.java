package icp.filing.adapters.persistence;

import icp.filing.application.port.Filings;
import icp.filing.application.port.PublicRegister;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.FilingException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.service.ServiceKind;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Subject;
import icp.filing.domain.subject.SubjectNature;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public query's side of the province's own register: what is filed now, never a cancelled service or subject.
 * Serves the public query of a provincial node ({@code icp.node.role: province}); a node that runs the ministry side
 * answers from the national register instead ({@link JdbcNationalPublicRegister}). Reads borrow a connection of
 * their own.
 */
@Singleton
@Connectable
@io.micronaut.context.annotation.Requires(property = "icp.node.role", value = "province")
class JdbcRegister implements PublicRegister {
    private static final int MAX_PUBLIC_ROWS = 200;
    private static final String ENTRY_COLUMNS = """
            SELECT f.subject_name, f.subject_nature, f.subject_number, s.service_number, s.kind, s.name,
                   s.domains, s.home_url, s.platform, s.app_key, s.approved_at, s.pre_approval_types
            FROM filed_service s JOIN filing f ON f.subject_number = s.subject_number
            WHERE s.live = 1 AND\s
            """;

    private final JdbcOperations jdbc;

    JdbcRegister(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Entry> byNumber(FilingNumber number) {
        return number.isServiceNumber()
                ? entries(ENTRY_COLUMNS + "s.service_number = ?", number.toString())
                : entries(ENTRY_COLUMNS + "f.subject_number = ?", number.toString());
    }

    @Override
    public List<Entry> byRegistrableDomain(DomainName registrableDomain) {
        return entries(ENTRY_COLUMNS + """
                s.service_number IN (SELECT service_number FROM filed_domain WHERE registrable_domain = ?)""",
                registrableDomain.ascii());
    }

    /** One query for every domain (batch lookup), each entry under the registrable domain it was found by. */
    @Override
    public Map<String, List<Entry>> byRegistrableDomains(Collection<DomainName> domains) {
        List<Object> keys = domains.stream().map(d -> (Object) d.ascii()).toList();
        Map<String, List<Entry>> found = new LinkedHashMap<>();
        Sql.query(jdbc, ENTRY_COLUMNS.replace("FROM filed_service s", ", d.registrable_domain AS found_by "
                + "FROM filed_domain d JOIN filed_service s ON s.service_number = d.service_number")
                + "d.registrable_domain IN (" + Sql.marks(keys.size()) + ")"
                + " ORDER BY s.approved_at, s.service_number", rs -> found.computeIfAbsent(rs.getString("found_by"),
                        k -> new ArrayList<>()).add(entry(rs)), keys.toArray());
        found.replaceAll((domain, entries) -> entries.stream().distinct().toList());
        return found;
    }

    /** One query for every number, subject and service numbers alike (batch lookup). */
    @Override
    public Map<String, List<Entry>> byNumbers(Collection<FilingNumber> numbers) {
        List<Object> keys = numbers.stream().map(n -> (Object) n.toString()).toList();
        List<Object> twice = new ArrayList<>(keys);
        twice.addAll(keys);
        String marks = Sql.marks(keys.size());
        List<Entry> entries = Sql.query(jdbc, ENTRY_COLUMNS + "(s.service_number IN (" + marks
                + ") OR f.subject_number IN (" + marks + ")) ORDER BY s.approved_at, s.service_number",
                JdbcRegister::entry, twice.toArray());
        return PublicEntries.byNumber(numbers, entries);
    }

    @Override
    public List<Entry> byUnitName(String unitName) {
        return entries(ENTRY_COLUMNS + "f.subject_name = ? AND f.subject_nature <> "
                + SubjectNature.PERSON.code(), unitName);
    }

    private List<Entry> entries(String sql, String parameter) {
        return jdbc.prepareStatement(sql + " ORDER BY s.approved_at, s.service_number LIMIT " + MAX_PUBLIC_ROWS, ps -> {
            try {
                ps.setString(1, parameter);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
                return entries;
            } catch (SQLException e) {
                throw new IllegalStateException("public query failed", e);
            }
        });
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        SubjectNature nature = SubjectNature.byCode(rs.getInt("subject_nature"));
        return new Entry(rs.getString("subject_name"), nature.isPerson(), nature.chineseName(),
                rs.getString("subject_number"), rs.getString("service_number"), ServiceKind.valueOf(rs.getString("kind")),
                rs.getString("name"), ApplicationRows.split(rs.getString("domains")).stream()
                        .map(d -> new DomainName(d).unicode()).toList(),
                rs.getString("home_url"), rs.getString("platform"), rs.getString("app_key"),
                UtcColumns.instant(rs.getObject("approved_at", LocalDateTime.class)),
                ApplicationRows.split(rs.getString("pre_approval_types")).stream().map(PreApprovalType::valueOf)
                        .toList());
    }
}
