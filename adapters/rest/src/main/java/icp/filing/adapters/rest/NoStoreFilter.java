package icp.filing.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Bureau answers carry personal data (certificate numbers, phones, scans): no browser, proxy or shared cache may
 * keep them. Errors of these paths too, since a 404 tells something as well.
 */
@ServerFilter("/api/v1/bureau/**")
final class NoStoreFilter {

    @ResponseFilter
    void noStore(MutableHttpResponse<?> response) {
        response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        response.header(HttpHeaders.PRAGMA, "no-cache");
    }
}
