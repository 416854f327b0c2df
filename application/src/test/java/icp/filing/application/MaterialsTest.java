package icp.filing.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.usecase.ReviewMaterials;
import icp.filing.application.usecase.ReviewQueue;
import icp.filing.application.usecase.Reviewer;
import icp.filing.application.usecase.SubmissionLimits;
import icp.filing.application.usecase.SubmitApplication;
import icp.filing.application.usecase.UploadMaterial;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import icp.filing.domain.material.Material;
import icp.filing.domain.material.MaterialFormat;
import icp.filing.domain.material.MaterialKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MaterialsTest {
    private static final ProviderId DEMO = new ProviderId("demo");
    private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    private final InMemoryPorts ports = new InMemoryPorts();
    private final UploadMaterial upload = new UploadMaterial(ports.materials, ports.transactions,
            new SubmissionLimits(5, 64), clock);
    private final SubmitApplication submit = new SubmitApplication(ports.applicationStore, ports.checks(5),
            ports.suffixes, ports.transactions, clock, ports.smsStep(clock));

    @Test
    void storesAMaterialWhoseBytesMatchTheDeclaredDigest() {
        Material material = upload.upload(DEMO, MaterialKind.SUBJECT_CERTIFICATE, PDF, sha256(PDF).toUpperCase());
        assertEquals(MaterialFormat.PDF, material.format());
        assertEquals(sha256(PDF), material.sha256());
        assertArrayEquals(PDF, ports.materials.content(material.id()).orElseThrow());
    }

    @Test
    void storesNothingWhenTheDigestSizeOrFormatIsWrong() {
        int before = ports.materialStore.size();
        assertEquals(Reason.DIGEST_MISMATCH, refusal(() -> upload.upload(DEMO, MaterialKind.SUBJECT_CERTIFICATE, PDF,
                sha256("other".getBytes(StandardCharsets.UTF_8)))));
        byte[] big = new byte[65];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertEquals(Reason.MATERIAL_TOO_LARGE, refusal(() -> upload.upload(DEMO, MaterialKind.SUBJECT_CERTIFICATE,
                big, sha256(big))));
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Reason.UNSUPPORTED_MATERIAL_FORMAT, refusal(() -> upload.upload(DEMO,
                MaterialKind.SUBJECT_CERTIFICATE, gif, sha256(gif))));
        assertEquals(Reason.MATERIAL_EMPTY, refusal(() -> upload.upload(DEMO, MaterialKind.SUBJECT_CERTIFICATE,
                new byte[0], sha256(new byte[0]))));
        assertEquals(before, ports.materialStore.size());
    }

    @Test
    void namesEachMissingMaterial() {
        NewFilingCommand.SubjectInput subject = new NewFilingCommand.SubjectInput(4, "北京示例科技有限公司", 1,
                "91110108551385082Q", null, null, Commands.PRINCIPAL, null, "北京示例科技有限公司",
                List.of(InMemoryPorts.SUBJECT_PRINCIPAL_ID));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(DEMO,
                Commands.newFiling(null, subject, Commands.website("example.cn"))));
        assertEquals(List.of("new_filing.subject.material_ids: MATERIALS_INCOMPLETE 缺少主体证件 / missing SUBJECT_CERTIFICATE",
                "new_filing.subject.material_ids: MATERIALS_INCOMPLETE 缺少备案信息真实性核验单 / missing VERIFICATION_FORM"),
                e.violations().stream().map(v -> v.field() + ": " + v.reason() + " " + v.message()).toList());
    }

    @Test
    void refusesAnotherProvidersMaterialAndAServiceMaterialOnTheSubject() {
        Material foreign = upload.upload(new ProviderId("other"), MaterialKind.SUBJECT_CERTIFICATE, PDF, sha256(PDF));
        NewFilingCommand.SubjectInput subject = new NewFilingCommand.SubjectInput(4, "北京示例科技有限公司", 1,
                "91110108551385082Q", null, null, Commands.PRINCIPAL, null, "北京示例科技有限公司",
                List.of(foreign.id().value(), InMemoryPorts.SERVICE_PRINCIPAL_PHOTO, InMemoryPorts.SUBJECT_PRINCIPAL_ID,
                        InMemoryPorts.VERIFICATION_FORM));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(DEMO,
                Commands.newFiling(null, subject, Commands.website("example.cn"))));
        Map<String, Reason> fields = e.violations().stream().collect(Collectors.toMap(Violation::field,
                Violation::reason));
        assertEquals(Map.of("new_filing.subject.material_ids[0]", Reason.MATERIAL_NOT_FOUND,
                "new_filing.subject.material_ids[1]", Reason.MATERIAL_KIND_MISPLACED,
                "new_filing.subject.material_ids", Reason.MATERIALS_INCOMPLETE), fields);
    }

    @Test
    void aReviewerDownloadsOnlyMaterialsOfTheirProvincesApplications() {
        Application application = submit.submit(DEMO, Commands.newFiling(null, Commands.unit("91110108551385082Q"),
                Commands.website("example.cn")));
        ReviewMaterials review = new ReviewMaterials(ports.reviewQueue(), ports.materials);
        Reviewer beijing = new Reviewer("li", Province.BEIJING);

        assertEquals(5, review.list(beijing, application.id().value()).size());
        assertArrayEquals("%PDF-".getBytes(StandardCharsets.US_ASCII), review.download(beijing,
                application.id().value(), InMemoryPorts.SUBJECT_CERTIFICATE).content());
        Material unrelated = upload.upload(DEMO, MaterialKind.SUBJECT_CERTIFICATE, PDF, sha256(PDF));
        assertThrows(NotFoundException.class, () -> review.download(beijing, application.id().value(),
                unrelated.id().value()));
        assertThrows(NotFoundException.class, () -> review.download(new Reviewer("wang", Province.SHANGHAI),
                application.id().value(), InMemoryPorts.SUBJECT_CERTIFICATE));
    }

    private static Reason refusal(Runnable upload) {
        return assertThrows(InvalidInputException.class, upload::run).reason();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
