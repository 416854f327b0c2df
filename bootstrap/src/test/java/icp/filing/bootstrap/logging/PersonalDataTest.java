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
}
