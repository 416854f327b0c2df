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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The national register: published filings, their services and the domains they own. Writes run in the
 * caller's transaction; reads (the public query) borrow a connection of their own.
 */
@Singleton
@Connectable
class JdbcRegister implements Filings, PublicRegister {
    private static final int MAX_PUBLIC_ROWS = 200;
    private static final String ENTRY_COLUMNS = """
            SELECT f.subject_name, f.subject_nature, f.subject_number, s.service_number, s.kind, s.name,
                   s.domains, s.home_url, s.platform, s.app_key, s.approved_at, s.pre_approval_types
            FROM filed_service s JOIN filing f ON f.subject_number = s.subject_number
            """;

    private final JdbcOperations jdbc;

    JdbcRegister(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void publish(Filing filing) {
        Subject subject = filing.subject();
        String subjectNumber = filing.subjectNumber().toString();
        LocalDateTime approvedAt = UtcColumns.column(filing.approvedAt());
        insert("""
                INSERT INTO filing (subject_number, province_code, subject_nature, subject_name, subject_key,
                    approved_application_id, approved_at, next_service_sequence, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                List.of(subjectNumber, subject.province().code(), subject.nature().code(), subject.name(),
                        subject.identityKey(), filing.approvedApplication().value(), approvedAt,
                        filing.nextServiceSequence()),
                Map.of("uk_filing_subject", new AlreadyExistsException(Reason.SUBJECT_ALREADY_FILED,
                        "该主体已有备案 / the subject is already filed")));
        Set<DomainName> registrable = new LinkedHashSet<>();
        for (FiledService filed : filing.services()) {
            publishService(subjectNumber, approvedAt, filed);
            registrable.addAll(filed.registrableDomains());
        }
        for (DomainName domain : registrable) {
            insert("INSERT INTO registrable_domain_owner (registrable_domain, subject_number) VALUES (?, ?)",
                    List.of(domain.ascii(), subjectNumber), Map.of("PRIMARY", domainTaken(domain)));
        }
    }

    private void publishService(String subjectNumber, LocalDateTime approvedAt, FiledService filed) {
        String domains = ApplicationRows.joinedDomains(filed.service());
        String homeUrl = filed.service() instanceof Website w ? w.homeUrl() : null;
        AppIdentity identity = filed.service().appIdentity().orElse(null);
        String platform = identity == null ? null : identity.platform();
        String key = identity == null ? null : identity.key();
        String number = filed.number().toString();
        insert("""
                INSERT INTO filed_service (service_number, subject_number, kind, name, domains, home_url, platform,
                    app_key, approved_at, pre_approval_types) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                nullable(number, subjectNumber, filed.service().kind().name(), filed.service().name(), domains,
                        homeUrl, platform, key, approvedAt, String.join(",", filed.service().content().preApprovals()
                                .stream().map(p -> p.type().name()).distinct().toList())),
                Map.of("uk_filed_service_app", new AlreadyExistsException(Reason.APP_ALREADY_FILED,
                        "该应用已被备案 / " + key + " is already filed")));
        if (filed.service() instanceof Website w) {
            for (DomainName domain : w.domains()) {
                DomainName owner = filed.registrableDomains().stream().filter(domain::isAtOrUnder).findFirst()
                        .orElse(domain);
                insert("INSERT INTO filed_domain (domain, registrable_domain, service_number) VALUES (?, ?, ?)",
                        List.of(domain.ascii(), owner.ascii(), number), Map.of("PRIMARY", domainTaken(domain)));
            }
        }
    }

    private static AlreadyExistsException domainTaken(DomainName domain) {
        return new AlreadyExistsException(Reason.DOMAIN_ALREADY_FILED, "域名 " + domain + " 已被备案 / already filed");
    }

    @Override
    public boolean isSubjectFiled(Subject subject) {
        return exists("SELECT 1 FROM filing WHERE subject_key = ?", subject.identityKey());
    }

    @Override
    public boolean isDomainFiled(DomainName registrableDomain) {
        return exists("SELECT 1 FROM registrable_domain_owner WHERE registrable_domain = ?", registrableDomain.ascii());
    }

    @Override
    public boolean isAppFiled(AppIdentity app) {
        return exists("SELECT 1 FROM filed_service WHERE kind = ? AND platform = ? AND app_key = ?", app.kind().name(),
                app.platform(), app.key());
    }

    @Override
    public List<Entry> byNumber(FilingNumber number) {
        return number.isServiceNumber()
                ? entries(ENTRY_COLUMNS + "WHERE s.service_number = ?", number.toString())
                : entries(ENTRY_COLUMNS + "WHERE f.subject_number = ?", number.toString());
    }

    @Override
    public List<Entry> byRegistrableDomain(DomainName registrableDomain) {
        return entries(ENTRY_COLUMNS + """
                WHERE s.service_number IN (SELECT service_number FROM filed_domain WHERE registrable_domain = ?)""",
                registrableDomain.ascii());
    }

    @Override
    public List<Entry> byUnitName(String unitName) {
        return entries(ENTRY_COLUMNS + "WHERE f.subject_name = ? AND f.subject_nature <> "
                + SubjectNature.PERSON.code(), unitName);
    }

    private List<Entry> entries(String sql, String parameter) {
        return jdbc.prepareStatement(sql + " ORDER BY s.approved_at, s.service_number LIMIT " + MAX_PUBLIC_ROWS, ps -> {
            try {
                ps.setString(1, parameter);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SubjectNature nature = SubjectNature.byCode(rs.getInt("subject_nature"));
                        entries.add(new Entry(rs.getString("subject_name"), nature.isPerson(),
                                nature.chineseName(), rs.getString("subject_number"), rs.getString("service_number"),
                                ServiceKind.valueOf(rs.getString("kind")), rs.getString("name"),
                                ApplicationRows.split(rs.getString("domains")).stream()
                                        .map(d -> new DomainName(d).unicode()).toList(),
                                rs.getString("home_url"), rs.getString("platform"), rs.getString("app_key"),
                                UtcColumns.instant(rs.getObject("approved_at", LocalDateTime.class)),
                                ApplicationRows.split(rs.getString("pre_approval_types")).stream()
                                        .map(PreApprovalType::valueOf).toList()));
                    }
                }
                return entries;
            } catch (SQLException e) {
                throw new IllegalStateException("public query failed", e);
            }
        });
    }

    private boolean exists(String sql, String... parameters) {
        return jdbc.prepareStatement(sql, ps -> {
            try {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setString(i + 1, parameters[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("register lookup failed", e);
            }
        });
    }

    private void insert(String sql, List<Object> parameters, Map<String, ? extends FilingException> uniqueKeys) {
        try {
            jdbc.prepareStatement(sql, ps -> {
                try {
                    bind(ps, parameters);
                    return ps.executeUpdate();
                } catch (SQLException e) {
                    throw new DataAccessException("insert into the register failed", e);
                }
            });
        } catch (RuntimeException e) {
            throw UniqueKeys.translate(e, uniqueKeys);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            ps.setObject(i + 1, parameters.get(i));
        }
    }

    /** List.of refuses nulls; optional columns need them. */
    private static List<Object> nullable(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
