package icp.filing.adapters.publicsuffix;

import com.google.common.net.InternetDomainName;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PublicSuffixes;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The Public Suffix List as Guava ships it. Only the ICANN section counts ("registry suffixes"): a filer of
 * example.github.io is filing under github.io's holder, but a filer of example.com.cn holds example.com.cn.
 * Upgrading Guava refreshes the list.
 */
@Singleton
public final class GuavaPublicSuffixes implements PublicSuffixes {

    @Override
    public Optional<DomainName> registrableDomain(DomainName name) {
        InternetDomainName parsed = InternetDomainName.from(name.ascii());
        if (!parsed.isUnderRegistrySuffix()) {
            return Optional.empty();
        }
        // the trailing labels of a name already parsed: valid and in ASCII as they stand
        return Optional.of(new DomainName(parsed.topDomainUnderRegistrySuffix().toString()));
    }
}
