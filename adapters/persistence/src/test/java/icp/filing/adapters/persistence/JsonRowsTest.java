package icp.filing.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRowsTest {

    @Test
    void readsRowsOfScalarsAsMariaDbWritesThem() {
        List<Object[]> rows = JsonRows.parse(
                "[[1, \"a\\\"b\\\\c\\n\\t\\u0001\\ud83d\\ude00中\", null, true, false, -9223372036854775808, 1.5e3],"
                        + "[]]");
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {1L, "a\"b\\c\n\t\u0001😀中", null, true, false, Long.MIN_VALUE,
                new BigDecimal("1.5e3")}, rows.get(0));
        assertEquals(0, rows.get(1).length);
        assertEquals(List.of(), JsonRows.parse(null), "SQL NULL: no rows");
        assertEquals(List.of(), JsonRows.parse(" [ ] "));
    }

    /** What a value cut short looks like (MariaDB closed "[[1, 0],[2, 1]" as "[[1, ]" in a trial), and others. */
    @ParameterizedTest
    @ValueSource(strings = {"", "[[1, ]", "[[1, 0],[2, 1]", "[[1, 0]]]", "[[\"open]]", "[[\"\\u12\"]]",
            "[[\"\\x\"]]", "[1]", "[[nul]]", "[[1 2]]", "[[--]]", "{\"a\": 1}", "[[1]] x"})
    void anythingElseIsAnError(String text) {
        assertThrows(IllegalStateException.class, () -> JsonRows.parse(text));
    }
}
