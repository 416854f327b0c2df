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
    private final Class<?>[] types;
    private final Constructor<R> constructor;

    private RecordReader(Class<R> type, String table) {
        RecordComponent[] components = type.getRecordComponents();
        this.table = table;
        columns = Arrays.stream(components).map(Column::of).toArray(Column[]::new);
        types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
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
        String in = String.join(",", java.util.Collections.nCopies(values.size(), "?"));
        return Sql.query(jdbc, select + " WHERE " + column + " IN (" + in + ") ORDER BY " + orderBy, this::read,
                values.toArray());
    }

    /** {@code SELECT} of the record's columns, then {@code extra} expressions, {@code FROM} the table. */
    String selectWith(List<String> extra) {
        return "SELECT " + columnList + (extra.isEmpty() ? "" : ", " + String.join(", ", extra)) + " FROM " + table;
    }

    /** How many columns {@link #read} takes: the expressions of {@link #selectWith} follow them. */
    int width() {
        return columns.length;
    }

    /**
     * A correlated sub-select for a parent's query: this table's rows whose {@code foreignKey} equals the parent's
     * {@code parentKey}, ordered by {@code orderBy}, as one JSON array of rows for {@link #fromJson}. NULL when there
     * are none. The caller lifts {@code group_concat_max_len}, which bounds JSON_ARRAYAGG, and treats any warning as
     * a value cut short.
     */
    String asJsonOf(String foreignKey, String parentKey, String orderBy) {
        return "(SELECT JSON_ARRAYAGG(JSON_ARRAY(" + columnList + ") ORDER BY " + orderBy + ") FROM " + table
                + " WHERE " + table + "." + foreignKey + " = " + parentKey + ")";
    }

    /** The rows of a {@link #asJsonOf} value. */
    List<R> fromJson(String json) {
        List<Object[]> rows = JsonRows.parse(json);
        List<R> records = new java.util.ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row.length != types.length) {
                throw new IllegalStateException(table + ": " + row.length + " values for " + types.length
                        + " columns");
            }
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                values[i] = JsonValue.as(types[i], row[i]);
            }
            records.add(construct(values));
        }
        return records;
    }

    R read(ResultSet rs) throws SQLException {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = columns[i].read(rs, i + 1);
        }
        return construct(values);
    }

    private R construct(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + constructor.getDeclaringClass().getSimpleName(), e);
        }
    }

    static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** A JSON scalar as the component's type: numbers, 1/0 booleans and SQL's date and time texts. */
    private static final class JsonValue {
        private JsonValue() {
        }

        static Object as(Class<?> type, Object value) {
            if (value == null) {
                return type == int.class ? (Object) 0 : type == long.class ? (Object) 0L
                        : type == boolean.class ? (Object) false : null;
            }
            if (type == String.class) {
                return value instanceof String text ? text : value.toString();
            }
            if (type == int.class || type == Integer.class) {
                return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).intValue();
            }
            if (type == long.class || type == Long.class) {
                return ((Number) value).longValue();
            }
            if (type == boolean.class || type == Boolean.class) {
                return value instanceof Boolean b ? b : ((Number) value).longValue() != 0;
            }
            if (type == LocalDateTime.class) {
                return LocalDateTime.parse(((String) value).replace(' ', 'T'));
            }
            if (type == LocalDate.class) {
                return LocalDate.parse((String) value);
            }
            throw new IllegalArgumentException("no JSON reader for " + type);
        }
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
