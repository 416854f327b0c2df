package icp.filing.adapters.rest;

import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.material.MaterialKind;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.AppPlatform;
import icp.filing.domain.service.ContentCategory;
import icp.filing.domain.service.Language;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.subject.NatureCertificatePolicy;
import icp.filing.domain.subject.SubjectNature;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Arrays;
import java.util.List;

/**
 * The code tables the APIs speak in, so provider and bureau systems can build their forms from the same data
 * the rules use instead of copying it.
 */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/code-tables")
@Secured(SecurityRule.IS_ANONYMOUS)
final class CodeTablesController {

    @Serdeable
    record Entry(String code, String name, @Nullable String note, List<String> related) {
    }

    @Serdeable
    record Tables(List<Entry> subjectNatures, List<Entry> certificateTypes, List<Entry> contentCategories,
                  List<Entry> languages, List<Entry> preApprovalTypes, List<Entry> accessMethods,
                  List<Entry> appPlatforms, List<Entry> materialKinds, List<Entry> returnReasons) {
    }

    private static final Tables TABLES = new Tables(
            Arrays.stream(SubjectNature.values()).map(n -> new Entry(String.valueOf(n.code()), n.chineseName(),
                    "allowed certificate types in related", NatureCertificatePolicy.allowedFor(n).stream()
                    .map(t -> String.valueOf(t.code())).sorted().toList())).toList(),
            Arrays.stream(CertificateType.values()).map(t -> new Entry(String.valueOf(t.code()), t.chineseName(),
                    t.holder().name(), List.of())).toList(),
            ContentCategory.all().stream().map(c -> new Entry(String.valueOf(c.code()), c.name(),
                    c.preApproval().map(p -> "needs pre-approval " + p.name()).orElse(null),
                    c.preApproval().map(p -> List.of(String.valueOf(p.code()))).orElse(List.of()))).toList(),
            Language.all().stream().map(l -> new Entry(l.code(), l.name(), null, List.of())).toList(),
            Arrays.stream(PreApprovalType.values()).map(p -> new Entry(String.valueOf(p.code()), p.chineseName(),
                    p.name(), List.of())).toList(),
            Arrays.stream(AccessMethod.values()).map(m -> new Entry(String.valueOf(m.code()), m.chineseName(), m.name(),
                    List.of())).toList(),
            Arrays.stream(AppPlatform.values()).map(p -> new Entry(String.valueOf(p.code()), p.name(), null,
                    List.of())).toList(),
            Arrays.stream(MaterialKind.values()).map(k -> new Entry(k.name(), k.chineseName(), k.owner().name(),
                    List.of())).toList(),
            Arrays.stream(ReturnReason.values()).map(r -> new Entry(r.name(), r.chineseText(), null, List.of()))
                    .toList());

    @Get
    Tables all() {
        return TABLES;
    }
}
