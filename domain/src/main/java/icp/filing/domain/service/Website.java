package icp.filing.domain.service;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.subject.Principal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** 网站: a name, its domains (ASCII form) and a home URL on one of them. */
public record Website(String name, List<DomainName> domains, String homeUrl, Principal principal, Access access,
                      ServiceContent content) implements Service {
    public Website {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(access, "access");
        content = content == null ? ServiceContent.NONE : content;
        domains = List.copyOf(domains);
        if (domains.isEmpty()) {
            throw new InvalidValueException(Reason.REQUIRED, "a website needs at least one domain");
        }
        if (new HashSet<>(domains).size() != domains.size()) {
            throw new InvalidValueException(Reason.DUPLICATE_DOMAIN_IN_APPLICATION, "a domain is listed twice");
        }
        homeUrl = checkedHomeUrl(homeUrl, domains);
    }

    /** A website that declares no content categories, languages or pre-approvals. */
    public Website(String name, List<DomainName> domains, String homeUrl, Principal principal, Access access) {
        this(name, domains, homeUrl, principal, access, ServiceContent.NONE);
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.WEBSITE;
    }

    /** The home URL must be http(s) and on one of the website's own domains (or a name under one). */
    private static String checkedHomeUrl(String raw, List<DomainName> domains) {
        if (raw == null || raw.isBlank()) {
            return "http://" + domains.get(0).ascii() + "/";
        }
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new InvalidValueException(Reason.INVALID_URL, "首页URL必须是 http(s) 地址");
            }
            DomainName host = new DomainName(uri.getHost());
            if (domains.stream().noneMatch(host::isAtOrUnder)) {
                throw new InvalidValueException(Reason.INVALID_URL, "首页URL的主机 " + host + " 不在网站域名之下");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidValueException(Reason.INVALID_URL, "首页URL无效");
        }
    }
}
