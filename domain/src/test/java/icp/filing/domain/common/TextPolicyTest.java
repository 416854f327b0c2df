package icp.filing.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import org.junit.jupiter.api.Test;

class TextPolicyTest {

    @Test
    void typedTextKeepsFullWidthPunctuationAndLineBreaks() {
        String written = "请核对：（一）持有者“示例”，\n（二）证书。";
        assertEquals(written, Text.typed("  " + written + "\n"));
        assertEquals("示例科技（北京）有限公司", Text.required(" 示例科技（北京）有限公司 ", 100));
    }

    @Test
    void typedTextIsComposedToNfc() {
        assertEquals("\u00e9", Text.typed("e\u0301"), "one spelling of each character");
    }

    @Test
    void identifiersFoldFullWidthForms() {
        assertEquals("91110108MA01ABCD12", Text.identifier("９１１１０１０８ＭＡ０１ＡＢＣＤ１２"));
        assertEquals("2026-01-01", Text.optionalIdentifier("２０２６－０１－０１", 20));
    }

    @Test
    void namesAreComparedOnAFoldedKey() {
        assertTrue(Text.sameKey("示例科技（北京）有限公司", "示例科技(北京)有限公司"));
        assertTrue(Text.sameKey("ＡＢＣ科技  有限公司", "abc科技 有限公司"));
        assertFalse(Text.sameKey("示例科技（北京）有限公司", "示例科技（上海）有限公司"));
    }

    @Test
    void controlCharactersAreRefusedInEveryKind() {
        for (String bad : new String[] {"a\u0000b", "a\u202eb"}) {
            assertEquals(Reason.CONTROL_CHARACTER, assertThrows(InvalidValueException.class,
                    () -> Text.typed(bad)).reason());
            assertEquals(Reason.CONTROL_CHARACTER, assertThrows(InvalidValueException.class,
                    () -> Text.identifier(bad)).reason());
        }
    }
}
