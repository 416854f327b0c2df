package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Filings;
import icp.filing.application.port.Materials;
import icp.filing.application.port.ReadAhead;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.subject.Subject;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A submission's register questions asked ahead: one round trip, and then each answered as it would have been asked
 * on its own — the same answers, no statement sent for them — until anything else is sent or a write is held.
 */
@MicronautTest(transactional = false)
class ReadAheadTest extends ApiTestSupport {
    @Inject
    ReadAhead readAhead;
    @Inject
    Filings filings;
    @Inject
    Applications applications;
    @Inject
    Materials materials;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Test
    void questionsAskedAheadAreAnsweredFromOneRoundTripAsTheyWouldBeOneByOne() {
        String domain = TestFilings.uniqueLabel().toLowerCase() + "-ahead.cn";
        String unit = "北京" + TestFilings.uniqueLabel() + "预读有限公司";
        SubmitApplicationRequest request = TestFilings.unitFiling(unit, domain);
        request = request.toBuilder().setNewFiling(request.getNewFiling().toBuilder()
                .addServices(TestFilings.app(unit + "应用", "com.Example.Ahead" + TestFilings.uniqueLabel()))).build();
        icp.filing.proto.provider.v1.Application submitted = submit(request);
        FilingNumber number = FilingNumber.parse((String) approve(submitted.getId()).get("subjectNumber"));
        Filing filing = filings.find(number).orElseThrow();
        Subject subject = filing.subject();
        AppIdentity app = filing.services().stream().map(s -> s.service().appIdentity())
                .flatMap(java.util.Optional::stream).findFirst().orElseThrow();
        // asked in another case: the server's collation finds it all the same, and so must the answer read ahead
        AppIdentity appInOtherCase = new AppIdentity(app.kind(), app.platform(), swapCase(app.key()));
        List<DomainName> domains = List.of(DomainName.parse(domain), DomainName.parse("never-filed-ahead.cn"));
        List<AppIdentity> apps = List.of(appInOtherCase, new AppIdentity(app.kind(), app.platform(), "com.none"));
        List<MaterialId> ids = List.of(new MaterialId(demoMaterials.values().iterator().next()), MaterialId.random());

        List<Object> oneByOne = transactions.inTransaction(() -> answers(subject, domains, apps, ids));
        assertEquals(java.util.Optional.of(number), oneByOne.get(0), "the subject is filed");
        assertEquals(java.util.Optional.of(number), oneByOne.get(1), "its domain is held");
        assertEquals(true, oneByOne.get(3), "its app is filed, whatever the case asked");
        assertEquals(1, ((List<?>) oneByOne.get(6)).size(), "one material of the two found");

        transactions.inTransaction(() -> {
            long before = selects();
            readAhead.ask(subject, domains, apps, ids);
            long asked = selects();
            List<Object> ahead = answers(subject, domains, apps, ids);
            assertEquals(5, asked - before, "five questions, one round trip");
            assertEquals(asked, selects(), "no statement sent for the answers");
            assertEquals(oneByOne, ahead);

            // a question asked differently is asked when it comes
            filings.ownerOf(DomainName.parse("other-ahead.cn"));
            assertEquals(asked + 1, selects());
            return null;
        });

        transactions.inTransaction(() -> {
            Application application = applications.find(new ApplicationId(submitted.getId())).orElseThrow();
            readAhead.ask(subject, domains, apps, ids);
            applications.replaceContent(application);
            long held = selects();
            assertEquals(oneByOne, answers(subject, domains, apps, ids));
            assertTrue(selects() > held, "after a write is held, the questions are asked again");
            return null;
        });
    }

    private List<Object> answers(Subject subject, List<DomainName> domains, List<AppIdentity> apps,
                                 List<MaterialId> ids) {
        List<Object> answers = new ArrayList<>();
        answers.add(filings.filedSubjectNumber(subject));
        for (DomainName domain : domains) {
            answers.add(filings.ownerOf(domain));
        }
        for (AppIdentity app : apps) {
            answers.add(filings.isAppFiled(app));
        }
        var usage = applications.principalUsage(subject.principal().certificateNumber(),
                subject.principal().phone().value(), subject.identityKey());
        answers.add(usage);
        answers.add(materials.findAll(ids).stream().map(m -> m.id()).toList());
        return answers;
    }

    /** SELECTs this connection sent so far (read without going through the adapters: it sends nothing of theirs). */
    private long selects() {
        return jdbc.prepareStatement("SHOW SESSION STATUS LIKE 'Com_select'", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(2);
            }
        });
    }

    private static String swapCase(String value) {
        StringBuilder swapped = new StringBuilder();
        for (char c : value.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }
}
