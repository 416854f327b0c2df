package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes a use case's transaction holds back and sends together, in one round trip, when its work is done or before
 * the next statement of any kind on its connection — whichever comes first, so that every read still sees every write
 * before it. Only writes whose answer nobody waits for are held: an application's insert and update, a filing's
 * insert, a new SMS verification or an update of one with its confirmations, outbox entries; their row counts are
 * checked and their duplicate keys refused when they are sent, still inside the transaction, which then rolls back as
 * before.
 *
 * <p>When the last writes held are all refused by the server itself if wrong (a duplicate key, no count to check in
 * the JVM) and the transaction is the use case's own, the commit goes with them: {@code COMMIT} and the return to
 * autocommit end the script, and the transaction manager's commit and reset find nothing left to send (the driver
 * sends them only while the server reports a transaction open, autocommit off). A failed statement stops the script
 * before its {@code COMMIT}, and the transaction rolls back as before.
 *
 * <p>Why: an approval holds its province's serial counter from the serial to the commit, and every approval of the
 * province waits for it; on a loaded machine each round trip made meanwhile costs about a millisecond of waiting.
 * Holding the update, the filing and the messages leaves one round trip under the lock, the commit in it.
 *
 * <p>The same object keeps a submission's answers read ahead ({@link JdbcReadAhead}) for the transaction's work: they
 * live as long, and the hook every statement passes first ({@link #sendHeld}) is where they stop being valid.
 *
 * <p>Every statement of this module goes through {@link Sql}, {@link Script} or {@link #sendHeld} first (the one
 * repository of Micronaut Data, in {@link JdbcApplications}, is called after it): a statement sent around it would not
 * see the held writes.
 */
final class HeldWrites {
    private static final ThreadLocal<HeldWrites> CURRENT = new ThreadLocal<>();

    private Script script = new Script();
    private List<Consumer<int[]>> checks = new ArrayList<>();
    private Connection connection;
    /** Whether a write held since the last send needs its row counts checked in the JVM after it ran. */
    private boolean checkedInJvm;
    /** Answers read ahead ({@link JdbcReadAhead}) on {@link #answersOn}, kept until anything else is sent or held. */
    private java.util.Map<Object, Object> answers = java.util.Map.of();
    private Connection answersOn;

    private HeldWrites() {
    }

    /**
     * Runs a transaction's work holding its writes, and sends them before answering (inside the transaction: an error
     * in them rolls it back). A transaction begun inside another's work sends at the outer one's end.
     */
    static <T> T around(JdbcOperations jdbc, Supplier<T> work) {
        return around(jdbc, work, () -> false, false);
    }

    /**
     * As {@link #around(JdbcOperations, Supplier)}; if {@code mayCommit} answers true when the work is done, the writes
     * held last are all checked by the server, and they are sent on the transaction's own connection, the commit goes
     * with them — and, where the pool hands its connections out in autocommit ({@code pooledInAutocommit}), the
     * return to it; a pool configured without autocommit gets its connection back as it handed it out.
     */
    static <T> T around(JdbcOperations jdbc, Supplier<T> work, java.util.function.BooleanSupplier mayCommit,
                        boolean pooledInAutocommit) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        HeldWrites held = new HeldWrites();
        CURRENT.set(held);
        try {
            T result = work.get();
            if (!held.script.isEmpty() && !held.checkedInJvm && held.connection == jdbc.getConnection()
                    && mayCommit.getAsBoolean()) {
                held.script.add("COMMIT");
                if (pooledInAutocommit) {
                    held.script.add("SET autocommit = 1");
                }
            }
            held.send(jdbc);
            return result;
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Holds {@code writes} whose every failure the server refuses (a duplicate key, a foreign key) if a transaction's
     * work holds writes on this connection, else sends them at once.
     */
    static void hold(JdbcOperations jdbc, Script writes) {
        hold(jdbc, writes, null);
    }

    /**
     * Holds {@code writes} if a transaction's work holds writes on this connection, else sends them at once;
     * {@code check} takes their row counts when they are sent (so the commit is not sent with them).
     */
    static void hold(JdbcOperations jdbc, Script writes, Consumer<int[]> check) {
        HeldWrites held = CURRENT.get();
        Connection connection = held == null ? null : jdbc.getConnection();
        if (held == null || (held.connection != null && held.connection != connection)) {
            int[] counts = writes.run(jdbc);
            if (check != null) {
                check.accept(counts);
            }
            return;
        }
        held.connection = connection;
        held.answers = java.util.Map.of();
        int from = held.script.size();
        int count = writes.size();
        held.script.append(writes);
        if (check != null) {
            held.checkedInJvm = true;
            held.checks.add(counts -> check.accept(java.util.Arrays.copyOfRange(counts, from, from + count)));
        }
    }

    /**
     * Sends what is held on this connection: called before any other statement is sent on it. The answers read ahead
     * are dropped: from here on, a question is asked when it comes.
     */
    static void sendHeld(JdbcOperations jdbc) {
        HeldWrites held = CURRENT.get();
        if (held == null) {
            return;
        }
        held.answers = java.util.Map.of();
        if (!held.script.isEmpty() && held.connection == jdbc.getConnection()) {
            held.send(jdbc);
        }
    }

    /** Whether a transaction's work is under way here, so that answers read ahead can be kept for it. */
    static boolean inWork() {
        return CURRENT.get() != null;
    }

    /**
     * Keeps answers just read on this connection for the questions that come next; call after the statement that read
     * them. Anything sent or held after that drops them.
     */
    static void answeredAhead(JdbcOperations jdbc, java.util.Map<Object, Object> answers) {
        HeldWrites held = CURRENT.get();
        if (held != null) {
            held.answers = java.util.Map.copyOf(answers);
            held.answersOn = jdbc.getConnection();
        }
    }

    /**
     * The answer read ahead to {@code question} on this connection, if nothing was sent or held since; {@code null}
     * if it was not asked ahead (an answer "none" is an empty {@link java.util.Optional}, not null).
     */
    @SuppressWarnings("unchecked")
    static <T> T answer(JdbcOperations jdbc, Object question) {
        HeldWrites held = CURRENT.get();
        if (held == null || held.answers.isEmpty() || held.answersOn != jdbc.getConnection()) {
            return null;
        }
        return (T) held.answers.get(question);
    }

    private void send(JdbcOperations jdbc) {
        if (script.isEmpty()) {
            return;
        }
        Script sending = script;
        List<Consumer<int[]>> checking = checks;
        script = new Script();
        checks = new ArrayList<>();
        checkedInJvm = false;
        int[] counts = sending.run(jdbc);
        checking.forEach(check -> check.accept(counts));
    }
}
