package icp.filing.adapters.rest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI 3 description of the REST API (bureau, public query, SMS confirmation, working days, code tables),
 * generated from the controllers at build time and served at {@code /swagger/icp-filing-1.yml}, browsable at
 * {@code /swagger-ui/}. Errors are
 * application/problem+json with the reason codes of docs/reason-codes.md.
 */
@OpenAPIDefinition(info = @Info(title = "icp-filing", version = "1",
        description = "ICP filing management: bureau review and supervision, public query, SMS verification, working "
                + "days. Every error is application/problem+json with a stable `reason` (docs/reason-codes.md)."))
@SecurityScheme(name = "bureau", type = SecuritySchemeType.HTTP, scheme = "basic")
final class RestApiDefinition {
    private RestApiDefinition() {
    }
}
