package icp.filing.adapters.rest;

import icp.filing.domain.common.Province;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** HTTP Basic credentials of bureau users; the user's province travels as an attribute of the authentication. */
@Singleton
final class BureauAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {
    static final String PROVINCE = "province";
    static final String REVIEWER_ROLE = "BUREAU_REVIEWER";

    private final List<BureauUser> users;

    BureauAuthenticationProvider(List<BureauUser> users) {
        this.users = users;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        return users.stream()
                .filter(u -> u.getUsername().equals(credentials.getIdentity()))
                .filter(u -> PasswordHash.matches(credentials.getSecret(), u.getPasswordHash()))
                .findFirst()
                .map(u -> AuthenticationResponse.success(u.getUsername(), List.of(REVIEWER_ROLE),
                        Map.of(PROVINCE, Province.parse(u.getProvince()).code())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
