package icp.filing.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.Transactions;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An application is read whole by one statement, its parts as JSON columns (JSON_ARRAYAGG). What comes back that way
 * must equal what the columns give, for every type a row record has and for any text a user may have typed; and a
 * JSON value the server cut short must never be taken for the whole.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_record_json")
class RecordJsonTest {
    record Probe(@Nullable Long id, String parentId, int seq, @Nullable String textValue, @Nullable Long countValue,
                 boolean flag, @Nullable Integer small, @Nullable Boolean maybe, @Nullable LocalDateTime at,
                 @Nullable LocalDate day) {
    }

    private static final RecordReader<Probe> PROBES = RecordReader.of(Probe.class, "json_probe");
    private static final String HOSTILE = "引号\"反斜杠\\ 换行\n制表\t回车\r控制\u0001\u001f 表情😀 斜杠/ \u2028 "
            + "</script> ' -- ; \\u0041 null [1, 2]";

    @Inject
    JdbcOperations jdbc;
    @Inject
    Transactions transactions;

    @Test
    void everyColumnTypeReadsTheSameFromJsonAsFromItsColumns() {
        List<Probe> stored = List.of(
                new Probe(null, "p1", 0, HOSTILE, Long.MAX_VALUE, true, Integer.MIN_VALUE, true,
                        LocalDateTime.of(2026, 11, 29, 21, 50, 47, 665_693_000), LocalDate.of(2026, 2, 28)),
                new Probe(null, "p1", 1, "", -1L, false, 0, false, LocalDateTime.of(2026, 1, 1, 0, 0), null),
                new Probe(null, "p1", 2, null, null, false, null, null, null, null),
                new Probe(null, "p1", 3, "长".repeat(100_000), 0L, true, 7, null, null, LocalDate.of(1970, 1, 1)),
                new Probe(null, "p2", 0, "another parent", 5L, true, 1, true, null, null));
        List<Probe> byColumns = transactions.inTransaction(() -> {
            Sql.execute(jdbc, """
                    CREATE TABLE IF NOT EXISTS json_probe (id BIGINT AUTO_INCREMENT PRIMARY KEY,
                        parent_id VARCHAR(36) NOT NULL, seq INT NOT NULL, text_value MEDIUMTEXT NULL,
                        count_value BIGINT NULL, flag BOOLEAN NOT NULL, small INT NULL, maybe BOOLEAN NULL,
                        at DATETIME(6) NULL, day DATE NULL)""");
            Sql.insertAll(jdbc, "json_probe", stored);
            return PROBES.whereIn(jdbc, "parent_id", List.of("p1"), "seq");
        });
        assertEquals(4, byColumns.size());
        assertEquals(HOSTILE, byColumns.get(0).textValue(), "the columns give back what was stored");

        List<String> json = transactions.inTransaction(() -> Sql.query(jdbc,
                "SET STATEMENT group_concat_max_len = 4294967295 FOR SELECT "
                        + PROBES.asJsonOf("parent_id", "parents.parent_id", "seq")
                        + " FROM (SELECT 'p1' AS parent_id UNION ALL SELECT 'none') parents ORDER BY parent_id DESC",
                rs -> rs.getString(1)));
        assertEquals(byColumns, PROBES.fromJson(json.get(0)));
        assertEquals(List.of(), PROBES.fromJson(json.get(1)), "no rows: NULL");
    }

    @Test
    void aJsonValueCutShortIsNotTakenForTheAnswer() {
        String aggregate = "(SELECT JSON_ARRAYAGG(JSON_ARRAY(seq, 'row')) FROM seq_1_to_100)";
        Optional<List<String>> cut = transactions.inTransaction(() -> Sql.queryUnlessWarned(jdbc,
                "SET STATEMENT group_concat_max_len = 64 FOR SELECT " + aggregate, rs -> rs.getString(1)));
        assertTrue(cut.isEmpty(), "the server warned that it cut the value");

        Optional<List<String>> whole = transactions.inTransaction(() -> Sql.queryUnlessWarned(jdbc,
                "SET STATEMENT group_concat_max_len = 4294967295 FOR SELECT " + aggregate, rs -> rs.getString(1)));
        assertTrue(whole.isPresent());
        assertEquals(100, JsonRows.parse(whole.get().get(0)).size());
    }
}
