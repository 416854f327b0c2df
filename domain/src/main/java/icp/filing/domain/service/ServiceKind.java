package icp.filing.domain.service;

/** The four kinds of service and the letter that ends their filing-number suffix (-1, -2A, -3X, -4K). */
public enum ServiceKind {
    WEBSITE(""), APP("A"), MINI_PROGRAM("X"), QUICK_APP("K");

    private final String suffixLetter;

    ServiceKind(String suffixLetter) {
        this.suffixLetter = suffixLetter;
    }

    public String suffixLetter() {
        return suffixLetter;
    }

    public static ServiceKind bySuffixLetter(String letter) {
        for (ServiceKind kind : values()) {
            if (kind.suffixLetter.equals(letter)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no service kind has suffix letter " + letter);
    }
}
