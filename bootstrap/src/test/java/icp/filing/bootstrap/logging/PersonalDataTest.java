package icp.filing.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void masksIdNumbersPhonesAndEmailsWhereverTheyStand() {
        assertEquals("Duplicate entry 'PERSON:110105********002X' for key 'uk_application_open_subject'",
                PersonalData.mask("Duplicate entry 'PERSON:11010519491231002X' for key 'uk_application_open_subject'"));
        assertEquals("phone 138****8000, mail ***@example.cn",
                PersonalData.mask("phone 13800138000, mail zhangsan@example.cn"));
    }

    @Test
    void leavesOtherNumbersAlone() {
        String text = "application 6ce86871-7b8e-44a3-953a-7b483e7fa9a6 took 1234567 ns, credit code 91110108551385082Q";
        assertEquals(text, PersonalData.mask(text));
    }

    /** The pattern e-mail addresses were masked with before {@link PersonalData#maskEmails} replaced it. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

    @Test
    void emailsAreMaskedExactlyAsThePatternMaskedThem() {
        for (String text : new String[] {"a@b.cn", "a@b", "a@b.", "a@@b.cn", "a@b@c.cn", "@b.cn", "x.y+z%_-@a-b.c-d.e",
                "a".repeat(70) + "@b.cn", "a".repeat(64) + "@b.cn", "a@b.cn@c.cn", "a@b..cn", "邮件 zhang@example.cn。",
                "a@b.cn.", "a@b.cn x@y.z", "-@-.-", "a@.cn", "a.@b.cn"}) {
            assertEquals(EMAIL.matcher(text).replaceAll("***@$1"), PersonalData.maskEmails(text), text);
        }
        java.util.Random random = new java.util.Random(20261130);
        String alphabet = "abXZ09._%+-@@@.. 中\n";
        for (int run = 0; run < 50_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(run % 100 == 0 ? 300 : 30);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(10) == 0 ? "a".repeat(random.nextInt(80))
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            String s = text.toString();
            assertEquals(EMAIL.matcher(s).replaceAll("***@$1"), PersonalData.maskEmails(s), s);
        }
    }

    @Test
    void numbersAreMaskedAsBeforeWhereverARunOfDigitsIsLongEnough() {
        assertEquals("身份证 110105********002X 手机 139****9000", PersonalData.mask("身份证 11010519491231002X 手机 13900139000"));
        assertEquals("1380013800", PersonalData.mask("1380013800"), "ten digits are no phone number");
        assertEquals("１３９００１３９０００", PersonalData.mask("１３９００１３９０００"), "nor are full-width digits, as before");
    }
}
