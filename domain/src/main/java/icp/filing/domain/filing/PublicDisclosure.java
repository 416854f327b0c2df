package icp.filing.domain.filing;

/** What the public query may show of a subject: a natural person's name only masked. */
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
}
