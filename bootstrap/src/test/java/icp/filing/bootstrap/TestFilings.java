package icp.filing.bootstrap;

import icp.filing.domain.common.Province;
import icp.filing.domain.identity.CreditCode;
import icp.filing.domain.identity.IdCardNumber;
import icp.filing.proto.provider.v1.Access;
import icp.filing.proto.provider.v1.AccessMethod;
import icp.filing.proto.provider.v1.App;
import icp.filing.proto.provider.v1.AppPlatform;
import icp.filing.proto.provider.v1.CertificateType;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.Principal;
import icp.filing.proto.provider.v1.Service;
import icp.filing.proto.provider.v1.Subject;
import icp.filing.proto.provider.v1.SubjectNature;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import icp.filing.proto.provider.v1.Website;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Realistic, unique test filings: valid check characters, fresh domains and certificates each time. */
final class TestFilings {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    static final String EMAIL = "principal@example.cn";
    /** Every certificate number, phone and e-mail of a person these helpers sent; none may show in the log. */
    static final java.util.Set<String> PERSONAL_DATA_SENT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The certificate number of each principal's phone: what a principal types with the SMS code. */
    static final java.util.Map<String, String> CERTIFICATE_BY_PHONE = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        PERSONAL_DATA_SENT.add(EMAIL);
    }

    private TestFilings() {
    }

    /** A unique label for domains and names, e.g. "t17x4821". */
    static String uniqueLabel() {
        return "t" + SEQUENCE.incrementAndGet() + "x" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    static String creditCode(String regionCode) {
        StringBuilder first17 = new StringBuilder("91").append(regionCode);
        for (int i = 0; i < 9; i++) {
            first17.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return first17 + String.valueOf(CreditCode.checkCharacter(first17.toString()));
    }

    static String residentId(String regionCode) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = regionCode + String.format("19%02d%02d%02d%03d", 60 + random.nextInt(40), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        String number = first17 + IdCardNumber.checkCharacter(first17);
        PERSONAL_DATA_SENT.add(number);
        return number;
    }

    static Principal principal(String name) {
        String phone = phone();
        String certificate = residentId("110105");
        CERTIFICATE_BY_PHONE.put(phone, certificate);
        return Principal.newBuilder()
                .setName(name)
                .setVerifiedName(name)
                .setCertificateType(CertificateType.CERTIFICATE_TYPE_RESIDENT_ID_CARD)
                .setCertificateNumber(certificate)
                .setVerifiedName(name)
                // a fresh phone each time: one phone may serve only a few subjects
                .setPhone(phone)
                .setEmail(EMAIL)
                .build();
    }

    /** A fresh phone each time: one phone may serve only a few subjects. */
    static String phone() {
        String phone = String.format("139%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        PERSONAL_DATA_SENT.add(phone);
        return phone;
    }

    static Access access() {
        return Access.newBuilder().setMethod(AccessMethod.ACCESS_METHOD_CLOUD).addIpAddresses("203.0.113.10")
                .setServerLocation("11").build();
    }

    static Service website(String name, String... domains) {
        Website.Builder website = Website.newBuilder();
        for (String domain : domains) {
            website.addDomains(domain);
        }
        return Service.newBuilder().setName(name).setPrincipal(principal("李四")).setAccess(access())
                .setWebsite(website).build();
    }

    static Service app(String name, String packageName) {
        return Service.newBuilder().setName(name).setPrincipal(principal("王五")).setAccess(access())
                .setApp(App.newBuilder().setPlatform(AppPlatform.APP_PLATFORM_ANDROID).setPackageName(packageName)
                        .setSigningFingerprint("9F:3C:2B:11:00:AA:BB:CC:DD:EE:FF:01:23:45:67:89"))
                .build();
    }

    /** A Beijing enterprise with one website on {@code domain}. */
    static SubmitApplicationRequest unitFiling(String unitName, String domain) {
        return SubmitApplicationRequest.newBuilder()
                .setNewFiling(NewFiling.newBuilder()
                        .setSubject(unit(unitName, "110108"))
                        .addServices(website(unitName + "官网", domain, "www." + domain)))
                .build();
    }

    static Subject unit(String name, String region) {
        return Subject.newBuilder()
                .setNature(SubjectNature.SUBJECT_NATURE_ENTERPRISE)
                .setName(name)
                .setVerifiedName(name)
                .setCertificateType(CertificateType.CERTIFICATE_TYPE_UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE)
                .setCertificateNumber(creditCode(region))
                .setAddress(Province.ofRegion(region).chineseName() + "示例路1号")
                .setPrincipal(principal("张三"))
                .build();
    }

    static Subject person(String name) {
        return Subject.newBuilder()
                .setNature(SubjectNature.SUBJECT_NATURE_PERSON)
                .setName(name)
                .setVerifiedName(name)
                .setCertificateType(CertificateType.CERTIFICATE_TYPE_RESIDENT_ID_CARD)
                .setCertificateNumber(residentId("110105"))
                .setPrincipal(principal(name))
                .build();
    }

    /** A small but real PDF: the header the server recognises, and a body that makes each scan distinct. */
    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + " " + uniqueLabel() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
