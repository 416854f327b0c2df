package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Rows of a mapped record read with plain JDBC: the columns are the record's components in snake case (as Micronaut
 * Data names them), each read by its type's own getter and passed to the canonical constructor. For the reads on the
 * write path (an application loaded for a decision or an upload): Micronaut Data's row mapper cost more CPU than the
 * database's answer. Components are String, int, long, boolean (or their boxes, NULL as null), LocalDate or
 * LocalDateTime.
 */
final class RecordReader<R extends Record> {
    private final String table;
    private final String columnList;
    private final String select;
    private final Column[] columns;
    private final Constructor<R> constructor;

    private RecordReader(Class<R> type, String table) {
        RecordComponent[] components = type.getRecordComponents();
        this.table = table;
        columns = Arrays.stream(components).map(Column::of).toArray(Column[]::new);
        columnList = String.join(", ", Arrays.stream(components).map(c -> snakeCase(c.getName())).toList());
        select = "SELECT " + columnList + " FROM " + table;
        try {
            constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
        constructor.setAccessible(true);
    }

    /** Meant to be built once per record type and kept (the columns and the constructor are looked up here). */
    static <R extends Record> RecordReader<R> of(Class<R> type, String table) {
        return new RecordReader<>(type, table);
    }

    /** The rows whose {@code column} is one of {@code values}, in the order {@code orderBy} gives. */
    List<R> whereIn(JdbcOperations jdbc, String column, Collection<?> values, String orderBy) {
        if (values.isEmpty()) {
            return List.of();
        }
        String in = Sql.marks(values.size());
        return Sql.query(jdbc, select + " WHERE " + column + " IN (" + in + ") ORDER BY " + orderBy, this::read,
                values.toArray());
    }

    /** How many columns the record takes. */
    int width() {
        return columns.length;
    }

    /**
     * One branch of a UNION ALL that reads several tables in one statement: {@code part}, then {@code before} NULLs,
     * this table's columns, {@code after} NULLs, for the rows whose {@code column} is one of {@code count} values.
     * Each table keeps columns of its own, so every column of the union has one type (a NULL takes the other's).
     */
    String unionBranch(int part, int before, int after, String column, int count) {
        return "SELECT " + part + nulls(before) + ", " + columnList + nulls(after) + " FROM " + table + " WHERE "
                + column + " IN (" + Sql.marks(count) + ")";
    }

    private static String nulls(int count) {
        return ", NULL".repeat(count);
    }

    private R read(ResultSet rs) throws SQLException {
        return read(rs, 0);
    }

    /** The record from the columns after the first {@code offset} of the row. */
    R read(ResultSet rs, int offset) throws SQLException {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = columns[i].read(rs, offset + i + 1);
        }
        try {
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + constructor.getDeclaringClass().getSimpleName(), e);
        }
    }

    static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** Reads one column by the type of its component. */
    private interface Column {
        Object read(ResultSet rs, int index) throws SQLException;

        static Column of(RecordComponent component) {
            Class<?> type = component.getType();
            if (type == String.class) {
                return ResultSet::getString;
            }
            if (type == int.class) {
                return ResultSet::getInt;
            }
            if (type == long.class) {
                return ResultSet::getLong;
            }
            if (type == boolean.class) {
                return ResultSet::getBoolean;
            }
            if (type == Integer.class) {
                return (rs, i) -> nullable(rs, rs.getInt(i));
            }
            if (type == Long.class) {
                return (rs, i) -> nullable(rs, rs.getLong(i));
            }
            if (type == Boolean.class) {
                return (rs, i) -> nullable(rs, rs.getBoolean(i));
            }
            if (type == LocalDate.class || type == LocalDateTime.class) {
                return (rs, i) -> rs.getObject(i, type);
            }
            throw new IllegalArgumentException(component + ": no reader for " + type);
        }

        private static Object nullable(ResultSet rs, Object value) throws SQLException {
            return rs.wasNull() ? null : value;
        }
    }
}
