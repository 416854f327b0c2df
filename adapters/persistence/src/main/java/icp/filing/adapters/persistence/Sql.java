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

    private static void bind(PreparedStatement ps, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
    }

    /** One statement, many rows, sent as one batch (the MariaDB driver sends it in bulk). */
    static void batch(JdbcOperations jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
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
}
