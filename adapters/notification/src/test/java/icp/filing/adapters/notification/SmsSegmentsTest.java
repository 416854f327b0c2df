package icp.filing.adapters.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {
    @Test
    void seventyChineseCharactersFitOneMessageWithoutHeader() {
        String text = "备".repeat(70);
        List<byte[]> parts = SmsSegments.of(text, 7);
        assertEquals(1, parts.size());
        assertEquals(140, parts.get(0).length, "UCS-2: two octets a character, at most 140");
    }

    @Test
    void threeHundredCharactersGoInFiveParts67EachWithOneReference() {
        String text = "案".repeat(300);
        List<byte[]> parts = SmsSegments.of(text, 42);
        assertEquals(5, parts.size(), "ceil(300 / 67)");
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            byte[] part = parts.get(i);
            assertTrue(part.length <= 140, "part " + i + " is " + part.length + " octets");
            assertEquals(List.of(5, 0, 3, 42, 5, i + 1), List.of((int) part[0], (int) part[1], (int) part[2],
                    (int) part[3], (int) part[4], (int) part[5]), "concatenation header of part " + (i + 1));
            joined.append(new String(Arrays.copyOfRange(part, 6, part.length), StandardCharsets.UTF_16BE));
        }
        assertEquals(text, joined.toString());
    }

    @Test
    void aSurrogatePairIsNeverCutInTwo() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        List<byte[]> parts = SmsSegments.of(text, 1);
        String first = new String(Arrays.copyOfRange(parts.get(0), 6, parts.get(0).length),
                StandardCharsets.UTF_16BE);
        assertEquals("a".repeat(66), first, "the emoji starts the next part whole");
    }
}
