package icp.filing.adapters.persistence;

import icp.filing.domain.error.FilingException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction's writes, each sent as the one plain prepared statement it is, in order: with the refusals its duplicate
 * keys answer with, and the version checks ({@link #oneRow}) made here on the row counts the driver returns.
 *
 * <p>An interim step on the way to Micronaut Data repositories (the persistence issue): the filings' and the outbox's
 * writes still come through here, one statement per round trip, and the class goes with the last of them.
 */
final class Script {
    /**
     * A refusal for a duplicate key: the index's name and, where one index serves many rows of the script, a part of
     * the entry refused as the server's message shows it.
     */
    private record Refusal(String index, String entry, FilingException refusal) {
    }

    /** One statement, its values, and the refusal if it must change exactly one row. */
    private record Statement(String sql, Object[] values, RuntimeException unlessOneRow) {
    }

    private final List<Statement> statements = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();

    /** Adds one statement; its {@code ?} take {@code values} in order. */
    Script add(String statement, Object... values) {
        statements.add(new Statement(statement, values, null));
        return this;
    }

    /** Adds an INSERT of many rows as one statement: {@code insert} up to VALUES, each row its own {@code (?, …)}. */
    Script insert(String insert, List<Object[]> rows) {
        return insert(insert, rows, "");
    }

    /** As {@link #insert(String, List)}, {@code after} following the rows (an {@code ON DUPLICATE KEY UPDATE}). */
    Script insert(String insert, List<Object[]> rows, String after) {
        if (rows.isEmpty()) {
            return this;
        }
        String row = "(" + Sql.marks(rows.get(0).length) + ")";
        StringBuilder values = new StringBuilder(insert).append(" VALUES ");
        List<Object> all = new ArrayList<>(rows.size() * rows.get(0).length);
        for (int i = 0; i < rows.size(); i++) {
            values.append(i == 0 ? "" : ", ").append(row);
            all.addAll(java.util.Arrays.asList(rows.get(i)));
        }
        return add(values.append(after.isEmpty() ? "" : " " + after).toString(), all.toArray());
    }

    /** Rows of a mapped record as one INSERT (columns as {@link Sql#insertAll} names them). */
    Script insertAll(String table, List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return this;
        }
        Sql.Columns columns = Sql.Columns.of(rows.get(0).getClass());
        return insert("INSERT INTO " + table + " (" + columns.names() + ")",
                rows.stream().map(columns::values).toList());
    }

    /**
     * A duplicate in {@code index} (a unique key's name, or PRIMARY) is refused with {@code refusal}, unless a refusal
     * naming the very entry refused ({@link #refuse(String, String, FilingException)}) answers first.
     */
    Script refuse(String index, FilingException refusal) {
        refusals.add(new Refusal(index, null, refusal));
        return this;
    }

    /**
     * A duplicate in {@code index} whose entry, as the message quotes it ({@code Duplicate entry 'a.cn' for key
     * 'PRIMARY'}; the parts of a key of several columns joined by {@code -}), contains {@code entry} is refused with
     * {@code refusal}: one index, many rows.
     */
    Script refuse(String index, String entry, FilingException refusal) {
        refusals.add(new Refusal(index, entry, refusal));
        return this;
    }

    /**
     * The statement added last must change exactly one row (a version-checked update); otherwise nothing after it
     * runs and the run answers {@code refusal} (the caller's transaction rolls back what ran before).
     */
    Script oneRow(RuntimeException refusal) {
        Statement last = statements.remove(statements.size() - 1);
        statements.add(new Statement(last.sql(), last.values(), refusal));
        return this;
    }

    boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * Sends the statements one by one and answers each one's row count, in order.
     *
     * @throws FilingException the refusal named for a duplicate key
     */
    int[] run(JdbcOperations jdbc) {
        int[] counts = new int[statements.size()];
        if (statements.isEmpty()) {
            return counts;
        }
        return jdbc.execute(connection -> {
            if (statements.size() > 1 && connection.getAutoCommit()) {
                // outside a transaction the statements before a failed one would stay
                throw new IllegalStateException("a script of several statements runs inside a transaction");
            }
            for (int i = 0; i < statements.size(); i++) {
                Statement statement = statements.get(i);
                try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
                    Sql.bind(ps, statement.values());
                    counts[i] = ps.executeUpdate();
                } catch (SQLIntegrityConstraintViolationException e) {
                    throw refused(statement, e);
                } catch (SQLException e) {
                    throw new DataAccessException("write failed: " + firstLine(statement), e);
                }
                if (statement.unlessOneRow() != null && counts[i] != 1) {
                    throw statement.unlessOneRow();
                }
            }
            return counts;
        });
    }

    private static String firstLine(Statement statement) {
        return statement.sql().lines().findFirst().orElse("");
    }

    private RuntimeException refused(Statement statement, SQLIntegrityConstraintViolationException e) {
        // MariaDB: Duplicate entry 'value' for key 'index'
        String message = e.getMessage() == null ? "" : e.getMessage();
        // those naming the entry first, then those for any entry of their index
        for (Refusal r : refusals) {
            if (r.entry() != null && message.contains(r.index() + "'") && message.contains(r.entry())) {
                return r.refusal();
            }
        }
        for (Refusal r : refusals) {
            if (r.entry() == null && message.contains(r.index() + "'")) {
                return r.refusal();
            }
        }
        // the server's message stays in the cause: it quotes the entry, which may be a person's identity number
        return new DataAccessException("write failed: " + firstLine(statement), e);
    }
}
