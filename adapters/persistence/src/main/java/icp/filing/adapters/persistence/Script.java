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
 * Writes of one transaction sent to the server together: several statements, one round trip (the pool's connections
 * allow multi-statements, {@link MultiStatements}). The parameters are bound client-side as for any prepared
 * statement here, so a value is never read as SQL. Each statement's row count comes back in order.
 *
 * <p>Why: a write's cost on both sides follows its round trips, and so does the time a transaction holds its locks —
 * an approval holds its province's serial counter from the serial to the commit, so that every approval of the
 * province waits for the statements sent meanwhile. The server stops at the first statement that fails; the caller's
 * transaction then rolls back what the earlier ones did, so a script is only run inside a transaction.
 */
final class Script {
    /**
     * A refusal for a duplicate key: the index's name and, where one index serves many rows of the script, a part of
     * the entry refused as the server's message shows it.
     */
    private record Refusal(String index, String entry, FilingException refusal) {
    }

    /** Tells the server's refusals of {@link #oneRow} apart, across the scripts one transaction appends together. */
    private static final java.util.concurrent.atomic.AtomicLong ROW_CHECKS = new java.util.concurrent.atomic.AtomicLong();
    private static final String ROW_CHECK = "icp-row-check-";

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final java.util.Map<String, RuntimeException> rowChecks = new java.util.HashMap<>();
    private int statements;

    /** Adds one statement; its {@code ?} take {@code values} in order. */
    Script add(String statement, Object... values) {
        if (statements++ > 0) {
            sql.append(";\n");
        }
        sql.append(statement);
        parameters.addAll(java.util.Arrays.asList(values));
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
     * The statement added last must change exactly one row (a version-checked update), or the server stops the script
     * right after it and the run answers {@code refusal}. The check is the server's, so nothing after it runs — a
     * commit at the script's end included ({@link HeldWrites}). Adds a statement (its count is 0).
     */
    Script oneRow(RuntimeException refusal) {
        String check = ROW_CHECK + ROW_CHECKS.incrementAndGet();
        rowChecks.put(check, refusal);
        return add("IF ROW_COUNT() <> 1 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '" + check + "'; END IF");
    }

    boolean isEmpty() {
        return statements == 0;
    }

    /** How many statements the script holds. */
    int size() {
        return statements;
    }

    /** Adds another script's statements, parameters and refusals after this one's. */
    Script append(Script other) {
        if (other.statements == 0) {
            return this;
        }
        if (statements > 0) {
            sql.append(";\n");
        }
        sql.append(other.sql);
        parameters.addAll(other.parameters);
        refusals.addAll(other.refusals);
        rowChecks.putAll(other.rowChecks);
        statements += other.statements;
        return this;
    }

    /**
     * Sends the statements and answers each one's row count, in order.
     *
     * @throws FilingException the refusal named for a duplicate key
     */
    int[] run(JdbcOperations jdbc) {
        if (statements == 0) {
            return new int[0];
        }
        HeldWrites.sendHeld(jdbc);
        return jdbc.execute(connection -> {
            if (statements > 1 && connection.getAutoCommit()) {
                // outside a transaction the statements before a failed one would stay
                throw new IllegalStateException("a script of several statements runs inside a transaction");
            }
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                Sql.bind(ps, parameters.toArray());
                int[] counts = new int[statements];
                ps.execute();
                counts[0] = ps.getUpdateCount();
                for (int i = 1; i < statements; i++) {
                    ps.getMoreResults();
                    counts[i] = ps.getUpdateCount();
                }
                return counts;
            } catch (SQLIntegrityConstraintViolationException e) {
                throw refused(e);
            } catch (SQLException e) {
                RuntimeException checked = rowCheck(e);
                if (checked != null) {
                    throw checked;
                }
                throw new DataAccessException("script failed at: " + sql.toString().lines().findFirst()
                        .orElse(""), e);
            }
        });
    }

    /** The refusal of the {@link #oneRow} check the server signalled, if that is what stopped the script. */
    private RuntimeException rowCheck(SQLException e) {
        String message = e.getMessage();
        if (!"45000".equals(e.getSQLState()) || message == null) {
            return null;
        }
        int at = message.indexOf(ROW_CHECK);
        if (at < 0) {
            return null;
        }
        int end = at + ROW_CHECK.length();
        while (end < message.length() && Character.isDigit(message.charAt(end))) {
            end++;
        }
        return rowChecks.get(message.substring(at, end));
    }

    private RuntimeException refused(SQLIntegrityConstraintViolationException e) {
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
        return new DataAccessException("script failed at: " + sql.toString().lines().findFirst().orElse(""), e);
    }
}
