package icp.filing.domain.service;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.subject.Principal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 网站: a name, its domains (ASCII form) and a home URL on one of them. The constructor holds the website's shape;
 * {@link #homeUrl(String, List)} reads a home URL as submitted, so that what was accepted once is never re-judged
 * when it is loaded again.
 */
public record Website(String name, List<DomainName> domains, String homeUrl, Principal principal, Access access,
                      ServiceContent content) implements Service {
    /** As stored in the register; longer URLs are refused with TOO_LONG. */
    public static final int HOME_URL_MAX = 500;
    private static final Pattern HTTP_URL = Pattern.compile("(?i)(https?)://([^/:?#\\[\\]@]+)(:\\d{1,5})?([/?#].*)?");

    public Website {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(homeUrl, "homeUrl");
        content = content == null ? ServiceContent.NONE : content;
        domains = List.copyOf(domains);
        if (domains.isEmpty()) {
            throw new InvalidValueException(Reason.REQUIRED, "网站至少一个域名 / a website needs at least one domain");
        }
        if (new HashSet<>(domains).size() != domains.size()) {
            throw new InvalidValueException(Reason.DUPLICATE_DOMAIN_IN_APPLICATION,
                    "同一域名填写了两次 / a domain is listed twice");
        }
    }

    /** A website with the default home URL that declares no content categories, languages or pre-approvals. */
    public Website(String name, List<DomainName> domains, String homeUrl, Principal principal, Access access) {
        this(name, domains, homeUrl(homeUrl, domains), principal, access, ServiceContent.NONE);
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.WEBSITE;
    }

    /**
     * The home URL as submitted, checked and normalised: http(s), on one of the website's own domains (or a name
     * under one); an internationalised host (http://例子.中国/) is read like a domain, to punycode. Blank means the
     * first domain's root.
     */
    public static String homeUrl(String raw, List<DomainName> domains) {
        String text = Text.identifier(raw);
        if (text.isEmpty()) {
            return "http://" + domains.get(0).ascii() + "/";
        }
        if (text.length() > HOME_URL_MAX) {
            throw new InvalidValueException(Reason.TOO_LONG, "首页URL最多 " + HOME_URL_MAX + " 个字符 / at most "
                    + HOME_URL_MAX + " characters");
        }
        Matcher m = HTTP_URL.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException(Reason.INVALID_URL, "首页URL必须是 http(s) 地址 / the home URL must be an "
                    + "http(s) address");
        }
        DomainName host;
        try {
            host = DomainName.parse(m.group(2));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(Reason.INVALID_URL, "首页URL的主机名无效 / the home URL's host is not a "
                    + "valid domain name");
        }
        if (domains.stream().noneMatch(host::isAtOrUnder)) {
            throw new InvalidValueException(Reason.INVALID_URL, "首页URL的主机 " + host + " 不在网站域名之下 / the home "
                    + "URL's host is not one of the website's domains");
        }
        String rest = m.group(4) == null ? "/" : m.group(4);
        String url = m.group(1).toLowerCase(Locale.ROOT) + "://" + host.ascii() + (m.group(3) == null ? "" : m.group(3))
                + rest;
        try {
            // the path and query must be a valid URI too; non-ASCII in them is percent-encoded
            String ascii = new URI(url).toASCIIString();
            if (ascii.length() > HOME_URL_MAX) {
                throw new InvalidValueException(Reason.TOO_LONG, "首页URL最多 " + HOME_URL_MAX + " 个字符 / at most "
                        + HOME_URL_MAX + " characters");
            }
            return ascii;
        } catch (URISyntaxException e) {
            throw new InvalidValueException(Reason.INVALID_URL, "首页URL无效 / the home URL is not a valid URL");
        }
    }

    @Override
    public Service withAccess(Access newAccess) {
        return new Website(name, domains, homeUrl, principal, newAccess, content);
    }
}
