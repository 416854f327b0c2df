package icp.filing.bootstrap.register;

import icp.filing.application.port.NationalFiling;
import icp.filing.domain.common.Province;
import icp.filing.domain.filing.RecordChain;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.CreditCode;
import icp.filing.domain.identity.IdCardNumber;
import icp.filing.domain.identity.OrganizationCode;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.ServiceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic synthetic filings for the national register, the same for the same seed: all 31 provinces, units and
 * persons, websites with 1–3 registrable domains, APPs, mini programs and quick apps, some cancelled and some
 * revoked. Credit codes and ID numbers carry valid check characters (the register keeps only their identity hash);
 * names and domains are obviously synthetic ({@code 合成单位000123}, {@code syn000123x0.cn}).
 */
public final class SyntheticRegister {
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Province[] PROVINCES = Province.values();
    private static final Instant EPOCH = Instant.parse("2016-01-01T00:00:00Z");

    private final SplittableRandom random;

    public SyntheticRegister(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The subject of this index with one to four services. */
    public NationalFiling filing(long index) {
        Province province = PROVINCES[(int) (index % PROVINCES.length)];
        boolean person = random.nextInt(10) < 3;
        String region = province.code() + "0101";
        String identity = person ? CertificateType.RESIDENT_ID_CARD.identityKey(residentId(region, index))
                : CertificateType.UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE.identityKey(creditCode(region, index));
        // unique per index: the province's n-th subject, spread over ten years of serials
        long n = index / PROVINCES.length;
        String number = province.abbreviation() + "ICP备" + (2016 + n % 10) + String.format("%06d", n / 10 + 1) + "号";
        boolean revoked = random.nextInt(50) == 0;
        int count = 1 + random.nextInt(person ? 2 : 4);
        List<NationalFiling.Service> services = new ArrayList<>();
        Instant approved = EPOCH.plusSeconds(index * 97 % (10L * 365 * 86_400));
        for (int k = 0; k < count; k++) {
            services.add(service(index, k, number, person, approved));
        }
        String name = person ? "合成个人" + String.format("%06d", index) : "合成单位" + String.format("%06d", index);
        return new NationalFiling(number, 1, province, RecordChain.sha256(identity), !revoked, name, person,
                person ? "个人" : "企业", services);
    }

    private NationalFiling.Service service(long index, int k, String number, boolean person, Instant approved) {
        int roll = random.nextInt(10);
        ServiceKind kind = person || roll < 6 ? ServiceKind.WEBSITE : roll < 8 ? ServiceKind.APP
                : roll < 9 ? ServiceKind.MINI_PROGRAM : ServiceKind.QUICK_APP;
        boolean filed = random.nextInt(20) != 0;
        String serviceNumber = number + "-" + (k + 1) + kind.suffixLetter();
        String label = "syn" + index + "x" + k;
        if (kind == ServiceKind.WEBSITE) {
            List<String> registrable = new ArrayList<>();
            List<String> domains = new ArrayList<>();
            int domainCount = 1 + random.nextInt(3);
            for (int d = 0; d < domainCount; d++) {
                String domain = label + (d == 0 ? "" : "d" + d) + (d == 2 ? ".com.cn" : ".cn");
                registrable.add(domain);
                domains.add(domain);
                domains.add("www." + domain);
            }
            return new NationalFiling.Service(serviceNumber, kind, "合成网站" + label, filed, domains, registrable,
                    "https://www." + registrable.get(0) + "/", null, approved, List.of());
        }
        AppIdentity app = switch (kind) {
            case APP -> new AppIdentity(kind, random.nextBoolean() ? "ANDROID" : "IOS", "cn.synthetic." + label);
            case MINI_PROGRAM -> new AppIdentity(kind, "WECHAT", "wx" + label);
            default -> new AppIdentity(kind, AppIdentity.QUICK_APP_PLATFORM, "cn.synthetic.quick." + label);
        };
        return new NationalFiling.Service(serviceNumber, kind, "合成应用" + label, filed, List.of(), List.of(), null,
                app, approved, List.of());
    }

    /**
     * A credit code whose organisation code (characters 9-17, the unit's identity) is {@code Y} and the index in base
     * 31, with its own check character: unique per index and apart from the numeric codes of real-looking test data.
     */
    private static String creditCode(String region, long index) {
        StringBuilder body = new StringBuilder();
        long rest = index;
        for (int i = 0; i < 7; i++) {
            body.insert(0, CODE_ALPHABET.charAt((int) (rest % CODE_ALPHABET.length())));
            rest /= CODE_ALPHABET.length();
        }
        String organisation = "Y" + body;
        String first17 = "91" + region + organisation + OrganizationCode.checkCharacter(organisation);
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static String residentId(String region, long index) {
        String first17 = region + String.format("19%02d%02d%02d%03d", 60 + index % 40, 1 + index / 40 % 12,
                1 + index / 480 % 28, index / 13_440 % 1000);
        return first17 + IdCardNumber.checkCharacter(first17);
    }
}
