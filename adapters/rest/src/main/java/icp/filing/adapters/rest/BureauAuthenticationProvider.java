package icp.filing.adapters.rest;

import icp.filing.domain.common.Province;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic credentials of bureau users; the user's province travels as an attribute of the authentication.
 * PBKDF2 is slow on purpose, so it runs on the blocking pool (never the event loop), and a password once
 * verified is remembered for a few minutes as a fast salted digest, so a reviewer's every click does not pay
 * for it again. An unknown user name costs the same PBKDF2 work as a wrong password, so the answer's timing does not
 * tell which names exist; failures are counted by {@link LoginThrottle}.
 */
@Singleton
final class BureauAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    private static final Logger LOG = LoggerFactory.getLogger(BureauAuthenticationProvider.class);
    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];

    /** A verified password, as SHA-256 over a per-process salt, until {@code until}. */
    private record Verified(byte[] digest, Instant until) {
    }

    static final String PROVINCE = "province";
    static final String REVIEWER_ROLE = "BUREAU_REVIEWER";
    static final String SUPERVISOR_ROLE = "BUREAU_SUPERVISOR";
    static final String ADMINISTRATOR_ROLE = "BUREAU_ADMINISTRATOR";

    private final List<BureauUser> users;
    private final LoginThrottle throttle;
    private final HttpClientAddressResolver addresses;
    /**
     * Verified against when the user name is unknown, at the current work factor. Random, not derived: hashing a
     * password for it was a quarter of the time to ready, and checking against it costs the same either way.
     */
    private final String decoy = PasswordHash.decoy();

    BureauAuthenticationProvider(List<BureauUser> users, LoginThrottle throttle, HttpClientAddressResolver addresses) {
        this.users = users;
        this.throttle = throttle;
        this.addresses = addresses;
        new SecureRandom().nextBytes(salt);
        users.stream().filter(u -> PasswordHash.isWeak(u.getPasswordHash())).forEach(u -> LOG.warn(
                "bureau user {} has a password hash below the current work factor; make a new one with hash-password",
                u.getUsername()));
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity();
        Optional<BureauUser> user = users.stream().filter(u -> u.getUsername().equals(username)).findFirst();
        boolean matches = user.isPresent() ? passwordMatches(user.get(), credentials.getSecret())
                : decoyMatches(credentials.getSecret());
        if (!matches) {
            throttle.failed(username, addresses.resolve(request));
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.succeeded(username);
        return AuthenticationResponse.success(username, roles(user.get()),
                Map.of(PROVINCE, Province.parse(user.get().getProvince()).code()));
    }

    private static List<String> roles(BureauUser user) {
        List<String> roles = new java.util.ArrayList<>(List.of(REVIEWER_ROLE));
        if (user.isSupervisor()) {
            roles.add(SUPERVISOR_ROLE);
        }
        if (user.isAdministrator()) {
            roles.add(ADMINISTRATOR_ROLE);
        }
        return roles;
    }

    /** The same work as a real verification, always failing. */
    private boolean decoyMatches(String password) {
        PasswordHash.matches(password == null ? "" : password, decoy);
        return false;
    }

    private boolean passwordMatches(BureauUser user, String password) {
        if (password == null) {
            return false;
        }
        byte[] digest = digest(user.getUsername(), password);
        Verified known = verified.get(user.getUsername());
        if (known != null && known.until().isAfter(Instant.now()) && MessageDigest.isEqual(known.digest(), digest)) {
            return true;
        }
        boolean matches = PasswordHash.matches(password, user.getPasswordHash());
        if (matches) {
            verified.put(user.getUsername(), new Verified(digest, Instant.now().plus(REMEMBER)));
        }
        return matches;
    }

    private byte[] digest(String username, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update((username + "\u0000" + password).getBytes(StandardCharsets.UTF_8));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
