package icp.filing.domain.filing;

/** What the public query may show of a subject: a natural person's name only masked, wherever it appears. */
public final class PublicDisclosure {
    private PublicDisclosure() {
    }

    /** 张三 becomes 张*, 欧阳小明 becomes 欧***: the family name stays so the owner can recognise it. */
    public static String subjectName(String name, boolean person) {
        if (!person || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /**
     * A person's service is often named after them (王小五的博客): their name is masked there too, and so is their
     * given name alone when it has two characters or more (小五的博客); a one-character given name is left, since
     * masking every occurrence of one character would mangle the name of the service.
     */
    public static String serviceName(String serviceName, String subjectName, boolean person) {
        if (!person || subjectName.isEmpty()) {
            return serviceName;
        }
        String masked = serviceName.replace(subjectName, subjectName(subjectName, true));
        int first = subjectName.offsetByCodePoints(0, 1);
        String given = subjectName.substring(first);
        if (given.codePointCount(0, given.length()) >= 2) {
            masked = masked.replace(given, "*".repeat(given.codePointCount(0, given.length())));
        }
        return masked;
    }
}
