package icp.filing.adapters.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain statements on the caller's connection, for the repositories written in SQL. */
final class Sql {
    private Sql() {
    }

    /** {@code count} placeholders for an IN list or a VALUES row: {@code ?,?,?}. */
    static String marks(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    /** Maps the current row of a result. */
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(JdbcOperations jdbc, String sql, Row<T> row, Object... parameters) {
        return jdbc.prepareStatement(sql, ps -> {
            try {
                bind(ps, parameters);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row.map(rs));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new DataAccessException("query failed: " + sql.lines().findFirst().orElse(""), e);
            }
        });
    }

    /** @return the rows changed */
    static int execute(JdbcOperations jdbc, String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, ps -> {
            try {
                bind(ps, parameters);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("write failed: " + sql.lines().findFirst().orElse(""), e);
            }
        });
    }

    /**
     * The common types through their own setters: the MariaDB driver's {@code setObject} asks each of its ~30 codecs
     * in turn whether it takes the value, which cost a bulk import as much CPU as sending the rows.
     */
    static void bind(PreparedStatement ps, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof String text) {
                ps.setString(i + 1, text);
            } else if (value instanceof Long number) {
                ps.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                ps.setInt(i + 1, number);
            } else if (value instanceof Boolean flag) {
                ps.setBoolean(i + 1, flag);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    /**
     * A counter's upsert that sets {@code LAST_INSERT_ID(expr)}, and the value it set: read from the statement's own
     * answer (the OK packet carries it) instead of a {@code SELECT LAST_INSERT_ID()} round trip.
     */
    static long counted(JdbcOperations jdbc, String sql, Object... parameters) {
        return jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, parameters);
                ps.executeUpdate();
                try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new IllegalStateException("the counter gave no value: " + sql.lines().findFirst()
                                .orElse(""));
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * One statement, many rows, sent as one batch (the MariaDB driver sends inserts in bulk, others pipelined); a
     * single row as a plain statement: the driver sends a batch of one through its batch path, which cost the server
     * 92–96 µs per insert against 66–76 µs for the same insert sent plainly (5,000 inserts each way, MariaDB 11.4,
     * Connector/J 3.5.6).
     */
    static void batch(JdbcOperations jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() == 1) {
            execute(jdbc, sql, rows.get(0));
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
            try {
                for (Object[] row : rows) {
                    bind(ps, row);
                    ps.addBatch();
                }
                return ps.executeBatch();
            } catch (SQLException e) {
                throw new DataAccessException("batch failed: " + sql.lines().findFirst().orElse(""), e);
            }
        });
    }

    /**
     * Rows of a mapped record inserted as one batch. Micronaut Data sends a MariaDB {@code saveAll} row by row (it
     * will not batch where ids are generated); child rows whose ids nobody reads go through here instead.
     */
    static void insertAll(JdbcOperations jdbc, String table, List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Columns columns = Columns.of(rows.get(0).getClass());
        batch(jdbc, "INSERT INTO " + table + " (" + columns.names() + ") VALUES (" + marks(columns.size()) + ")",
                rows.stream().map(columns::values).toList());
    }

    /**
     * A mapped record's columns: its components in snake case, as Micronaut Data names them, a generated id left out;
     * read once per record type.
     */
    record Columns(List<String> list, java.lang.reflect.Method[] accessors) {
        private static final java.util.Map<Class<?>, Columns> OF = new java.util.concurrent.ConcurrentHashMap<>();

        static Columns of(Class<?> type) {
            return OF.computeIfAbsent(type, Columns::read);
        }

        private static Columns read(Class<?> type) {
            List<java.lang.reflect.RecordComponent> columns = java.util.Arrays.stream(type.getRecordComponents())
                    .filter(c -> !generated(type, c.getName())).toList();
            return new Columns(columns.stream().map(c -> RecordReader.snakeCase(c.getName())).toList(),
                    columns.stream().map(c -> {
                        java.lang.reflect.Method accessor = c.getAccessor();
                        accessor.setAccessible(true);
                        return accessor;
                    }).toArray(java.lang.reflect.Method[]::new));
        }

        private static boolean generated(Class<?> type, String component) {
            try {
                return type.getDeclaredField(component).isAnnotationPresent(
                        io.micronaut.data.annotation.GeneratedValue.class);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(type + " has no field " + component, e);
            }
        }

        int size() {
            return list.size();
        }

        String names() {
            return String.join(", ", list);
        }

        Object[] values(Record row) {
            Object[] value = new Object[accessors.length];
            for (int i = 0; i < value.length; i++) {
                try {
                    value[i] = accessors[i].invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + list.get(i), e);
                }
            }
            return value;
        }
    }
}
