package icp.filing.adapters.persistence;

import icp.filing.application.port.ReadAhead;
import icp.filing.domain.material.Material;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.subject.Subject;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A submission's register questions in one round trip: the same statements {@link JdbcFilings},
 * {@link JdbcApplications} and {@link JdbcMaterials} send one by one, sent together, their answers kept with the
 * transaction's held writes ({@link HeldWrites#answeredAhead}) until anything else is sent or held. Asked together at
 * the start of the checks they read one snapshot, as they would one after the other at REPEATABLE READ; the questions
 * are the adapters' own, keyed by what they ask (below), so a question asked differently misses and is asked anew.
 *
 * <p>Why: each was a round trip of its own — five per submission, each costing both sides a wake-up and the driver
 * and the server their per-statement work.
 */
@Singleton
final class JdbcReadAhead implements ReadAhead {
    /** Questions, as the adapters look their answers up. */
    record SubjectFiled(String subjectKey) {
    }

    record DomainOwner(String registrableDomain) {
    }

    record AppFiled(String kind, String platform, String key) {
        static AppFiled of(AppIdentity app) {
            return new AppFiled(app.kind().name(), app.platform(), app.key());
        }
    }

    record PrincipalUsageOf(String certificateNumber, String phone, String subjectKey) {
    }

    record MaterialOf(String id) {
    }

    /** One statement of the round trip: its SQL, its values, and what it answers from its rows. */
    private record Question(String sql, List<Object> values, Answering answering) {
    }

    private interface Answering {
        void answer(ResultSet rs, Map<Object, Object> answers) throws SQLException;
    }

    private final JdbcOperations jdbc;

    JdbcReadAhead(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void ask(Subject subject, Collection<DomainName> registrableDomains, Collection<AppIdentity> apps,
                    Collection<MaterialId> materials) {
        if (!HeldWrites.inWork()) {
            return;
        }
        List<Question> questions = new ArrayList<>();
        questions.add(subjectFiled(subject.identityKey()));
        questions.add(principalUsage(subject));
        List<String> domains = registrableDomains.stream().map(DomainName::ascii).distinct().toList();
        if (!domains.isEmpty()) {
            questions.add(domainOwners(domains));
        }
        List<AppFiled> filed = new LinkedHashSet<>(apps).stream().map(AppFiled::of).toList();
        // matched below as the collation matches ASCII; a key beyond it is asked when it comes
        if (!filed.isEmpty() && filed.stream().allMatch(app -> ascii(app.platform()) && ascii(app.key()))) {
            questions.add(filedApps(filed));
        }
        List<String> ids = materials.stream().map(MaterialId::value).distinct().toList();
        if (!ids.isEmpty()) {
            questions.add(described(ids));
        }
        HeldWrites.answeredAhead(jdbc, run(questions));
    }

    private Map<Object, Object> run(List<Question> questions) {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (Question q : questions) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(q.sql());
            values.addAll(q.values());
        }
        HeldWrites.sendHeld(jdbc);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            try {
                Sql.bind(ps, values.toArray());
                Map<Object, Object> answers = new HashMap<>();
                ps.execute();
                for (int i = 0; i < questions.size(); i++) {
                    if (i > 0) {
                        ps.getMoreResults();
                    }
                    try (ResultSet rs = ps.getResultSet()) {
                        questions.get(i).answering().answer(rs, answers);
                    }
                }
                return answers;
            } catch (SQLException e) {
                throw new DataAccessException("reading ahead failed at: " + sql.toString().lines().findFirst()
                        .orElse(""), e);
            }
        });
    }

    private static Question subjectFiled(String subjectKey) {
        return new Question(JdbcFilings.SUBJECT_FILED, List.of(subjectKey), (rs, answers) -> {
            String number = rs.next() ? rs.getString(1) : null;
            answers.put(new SubjectFiled(subjectKey), Optional.ofNullable(number).map(FilingNumber::parse));
        });
    }

    private static Question principalUsage(Subject subject) {
        String certificate = subject.principal().certificateNumber();
        String phone = subject.principal().phone().value();
        return new Question(JdbcApplications.PRINCIPAL_USAGE, List.of(JdbcApplications.principalUsageValues(
                certificate, phone, subject.identityKey())), (rs, answers) -> {
            JdbcApplications.UsageCount count = new JdbcApplications.UsageCount();
            while (rs.next()) {
                count.add(rs);
            }
            answers.put(new PrincipalUsageOf(certificate, phone, subject.identityKey()), count.usage());
        });
    }

    // the rows below are matched to the questions as the server's collation matches ASCII: regardless of case and of
    // trailing spaces (PAD SPACE)

    private static String folded(String value) {
        return value.stripTrailing().toLowerCase(Locale.ROOT);
    }

    private static boolean ascii(String value) {
        return value.chars().allMatch(c -> c < 0x80);
    }

    private static Question domainOwners(List<String> domains) {
        return new Question(JdbcFilings.domainOwners(domains.size()), List.copyOf(domains), (rs, answers) -> {
            Map<String, FilingNumber> owners = new HashMap<>();
            while (rs.next()) {
                owners.put(folded(rs.getString(1)), FilingNumber.parse(rs.getString(2)));
            }
            for (String domain : domains) {
                answers.put(new DomainOwner(domain),
                        Optional.ofNullable(owners.get(folded(domain))));
            }
        });
    }

    private static Question filedApps(List<AppFiled> apps) {
        List<Object> values = new ArrayList<>();
        apps.forEach(app -> values.addAll(List.of(app.kind(), app.platform(), app.key())));
        return new Question(JdbcFilings.filedApps(apps.size()), values, (rs, answers) -> {
            Set<AppFiled> filed = new HashSet<>();
            while (rs.next()) {
                filed.add(folded(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            apps.forEach(app -> answers.put(app, filed.contains(folded(app.kind(), app.platform(), app.key()))));
        });
    }

    private static AppFiled folded(String kind, String platform, String key) {
        return new AppFiled(folded(kind), folded(platform), folded(key));
    }

    private static Question described(List<String> ids) {
        return new Question(JdbcMaterials.described(ids.size()), List.copyOf(ids), (rs, answers) -> {
            Map<String, Material> found = new HashMap<>();
            while (rs.next()) {
                Material material = JdbcMaterials.material(rs);
                found.put(folded(material.id().value()), material);
            }
            for (String id : ids) {
                answers.put(new MaterialOf(id), Optional.ofNullable(found.get(folded(id))));
            }
        });
    }
}
