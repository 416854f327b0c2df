package icp.filing.domain.service;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.net.IDN;
import java.util.BitSet;
import java.util.Set;

/**
 * Look-alike labels, judged as browsers judge internationalised names before they show them in Unicode (UTS #39, the
 * rules behind Chromium's and Firefox's IDN display policies): a label may be in one script, or in Latin with Han and
 * the Japanese or Korean scripts (Highly Restrictive); digits of one system only; no invisible characters. A label
 * wholly in another alphabet whose every letter looks Latin (Cyrillic {@code раураl}) is refused too: shown beside
 * the real name, it is the real name to a reader. Chinese labels, with ASCII digits and hyphens or not, pass.
 */
final class ConfusableLabels {
    /** Immutable once built, and documented by ICU as safe to share between threads. */
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder()
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE)
            .build();

    /** Scripts whose single-script labels are compared with Latin: those of the CJK world are not alphabets of it. */
    private static final Set<Integer> NOT_COMPARED = Set.of(UScript.LATIN, UScript.HAN, UScript.HIRAGANA,
            UScript.KATAKANA, UScript.HANGUL, UScript.BOPOMOFO, UScript.COMMON, UScript.INHERITED);

    private ConfusableLabels() {
    }

    /** Refuses the ASCII (punycode) name if one of its xn-- labels is a look-alike; plain ASCII labels pass as they are. */
    static void check(String ascii) {
        int start = 0;
        while (start <= ascii.length()) {
            int end = ascii.indexOf('.', start);
            int stop = end < 0 ? ascii.length() : end;
            if (ascii.startsWith("xn--", start)) {
                checkLabel(IDN.toUnicode(ascii.substring(start, stop)));
            }
            if (end < 0) {
                return;
            }
            start = end + 1;
        }
    }

    private static void checkLabel(String label) {
        if (CHECKER.failsChecks(label)) {
            throw confusable(label, "混用多种文字 / it mixes scripts (or digit systems, or hides characters)");
        }
        if (wholeScriptLookalike(label)) {
            throw confusable(label, "全部由形似拉丁字母的字符组成 / every character of it looks like a Latin one");
        }
    }

    /** One non-Latin alphabet, and its skeleton (what it looks like) is plain ASCII. */
    private static boolean wholeScriptLookalike(String label) {
        BitSet scripts = new BitSet();
        label.codePoints().forEach(cp -> scripts.set(UScript.getScript(cp)));
        boolean compared = scripts.stream().anyMatch(script -> !NOT_COMPARED.contains(script));
        if (!compared) {
            return false;
        }
        String skeleton = CHECKER.getSkeleton(label);
        return skeleton.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-');
    }

    private static InvalidValueException confusable(String label, String why) {
        return new InvalidValueException(Reason.CONFUSABLE_DOMAIN,
                "域名标签 “" + label + "” 可冒充其他域名：" + why.split(" / ")[0] + " / the label '" + label
                        + "' could pass for another domain: " + why.split(" / ")[1]);
    }
}
