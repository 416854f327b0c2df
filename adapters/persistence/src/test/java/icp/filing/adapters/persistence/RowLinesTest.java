package icp.filing.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowLinesTest {
    record Row(Long id, String owner, int position, Integer optional, String text, LocalDate day,
               LocalDateTime at) {
    }

    private static final RowLines<Row> ROWS = RowLines.of(Row.class, 'r', "id", "owner");

    private static List<Row> readBack(String text) {
        return RowLines.split(text).getOrDefault('r', List.of()).stream()
                .map(fields -> ROWS.read(fields, name -> name.equals("owner") ? "A-1" : null)).toList();
    }

    @Test
    void valuesComeBackAsTheyWere() {
        List<Row> rows = List.of(
                new Row(null, "A-1", 0, null, "制表\t换行\n回车\r反斜杠\\ 字面 \\N 与 \\t", LocalDate.of(2030, 1, 31),
                        LocalDateTime.of(2025, 6, 1, 2, 0, 0, 123_456_000)),
                new Row(null, "A-1", 1, 7, null, null, LocalDateTime.of(2025, 6, 1, 2, 0)),
                new Row(null, "A-1", 2, -3, "", null, LocalDateTime.of(2025, 6, 1, 2, 0, 1, 1_000)));
        String text = ROWS.write(new StringBuilder(), rows).toString();

        assertEquals(3, text.lines().count(), "one line per row, whatever the values hold: " + text);
        assertEquals(rows, readBack(text));
    }

    @Test
    void theLinesAreWhatTheMigrationWrites() {
        // V20 writes DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f') and \N for NULL, with or without a final line feed
        String text = ROWS.write(new StringBuilder(), List.of(new Row(null, "A-1", 4, null, "a\\b", null,
                LocalDateTime.of(2025, 6, 1, 2, 0)))).toString();
        assertEquals("r\t4\t\\N\ta\\\\b\t\\N\t2025-06-01 02:00:00.000000\n", text);
        assertEquals(readBack(text), readBack(text.strip()));
    }

    @Test
    void aLineWithTooFewOrTooManyValuesIsRefusedNotMisread() {
        Map<Character, List<String[]>> short_ = RowLines.split("r\t1\t\\N\tx\t\\N");
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ROWS.read(short_.get('r').get(0), name -> null));
        assertTrue(missing.getMessage().contains("4 values, not 5"), missing.getMessage());

        Map<Character, List<String[]>> long_ = RowLines.split("r\t1\t\\N\tx\t\\N\t2025-06-01 02:00:00\textra");
        assertThrows(IllegalStateException.class, () -> ROWS.read(long_.get('r').get(0), name -> null));
    }

    @Test
    void nullWhereAPrimitiveIsStoredIsRefused() {
        Map<Character, List<String[]>> lines = RowLines.split("r\t\\N\t\\N\tx\t\\N\t2025-06-01 02:00:00");
        assertThrows(IllegalStateException.class, () -> ROWS.read(lines.get('r').get(0), name -> null));
    }
}
