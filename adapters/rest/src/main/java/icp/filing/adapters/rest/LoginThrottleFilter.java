package icp.filing.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Refuses sign-ins of a blocked user name or client address with 429 and Retry-After, before any password work. */
@ServerFilter("/api/v1/bureau/**")
final class LoginThrottleFilter implements Ordered {
    private final LoginThrottle throttle;
    private final HttpClientAddressResolver addresses;

    LoginThrottleFilter(LoginThrottle throttle, HttpClientAddressResolver addresses) {
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        String username = basicUsername(request);
        if (username == null) {
            return null;
        }
        return throttle.blocked(username, addresses.resolve(request))
                .map(wait -> TooManyAttempts.answer(wait, "登录失败次数过多 / too many failed sign-ins")).orElse(null);
    }

    /** The user name of HTTP Basic credentials, or null when there are none or they cannot be read. */
    static String basicUsername(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || header.length() > 1024) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
