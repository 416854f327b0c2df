package icp.filing.bootstrap.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The floor a submission's own statements set: the round trips the system sent for some real submissions, read back
 * from the server's general log, replayed through raw JDBC on fresh keys at the benchmark's concurrency, with nothing
 * else done per submission (no gRPC, no rules, no relay). No build that sends these statements can submit faster;
 * their ratio to the raw ceiling bounds the submissions' ratio, whatever the JVM's side costs.
 *
 * <p>The same for approvals: each replayed on an application brought to review by replaying its submission and SMS
 * confirmation first (untimed), so that its version checks and its province's serial work as the system's did.
 *
 * <p>Only what makes a row unique is changed between replays (the application's id, the subject's and the
 * principal's keys, the domain, the filing number), so each replay reads and writes what a new subject's does. The
 * outbox entries are stored in a state the relay does not deliver, so that no delivery is timed with the statements
 * (the system's figures include the relay's deliveries; the floor does not).
 */
final class BenchFloor {
    private static final Pattern APPLICATION_ID =
            Pattern.compile("INSERT INTO application \\(id,[^)]*\\) VALUES \\('([0-9a-f-]{36})'");
    private static final Pattern SUBJECT = Pattern.compile("bench-(\\d+)-\\d+\\.com\\.cn");
    /** Far from the keys the timed and warm-up submissions use (below 10^8: the phone has eight digits for it). */
    private static final AtomicInteger NEXT_KEY = new AtomicInteger(60_000_000);

    private BenchFloor() {
    }

    private static final Pattern FILING_NUMBER = Pattern.compile("京ICP备\\d{10}号");
    /** Fresh serials for the replayed approvals' numbers, beyond what a run issues. */
    private static final AtomicInteger NEXT_SERIAL = new AtomicInteger(500_000);

    /**
     * A captured application: the round trips of its submission, confirmation and approval transactions after their
     * begin (empty where not captured), and the subject key it was sent for.
     */
    record Captured(String applicationId, int subject, List<String> submit, List<String> confirm,
                    List<String> approve) {
    }

    /**
     * Runs {@code work} with the general log on and returns the applications it submitted, each with its
     * transactions' round trips in order.
     */
    static List<Captured> capture(DataSource raw, Runnable work) throws SQLException {
        String output;
        try (Connection c = raw.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@GLOBAL.log_output")) {
            rs.next();
            output = rs.getString(1);
            s.execute("SET GLOBAL general_log = OFF");
            s.execute("TRUNCATE TABLE mysql.general_log");
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("SET GLOBAL general_log = ON");
        }
        try {
            work.run();
        } finally {
            try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET GLOBAL general_log = OFF");
                s.execute("SET GLOBAL log_output = '" + output.replace("'", "") + "'");
            }
        }
        Map<Long, List<String>> open = new LinkedHashMap<>();
        List<List<String>> transactions = new ArrayList<>();
        try (Connection c = raw.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT thread_id, CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                     + " WHERE command_type IN ('Query', 'Execute') ORDER BY event_time")) {
            while (rs.next()) {
                long thread = rs.getLong(1);
                String query = rs.getString(2);
                if (query.trim().equalsIgnoreCase("set autocommit=0")) {
                    open.put(thread, new ArrayList<>());
                    continue;
                }
                List<String> transaction = open.get(thread);
                if (transaction == null) {
                    continue;
                }
                transaction.add(query);
                if (query.contains("COMMIT")) {
                    transactions.add(List.copyOf(open.remove(thread)));
                }
            }
            // the log holds every statement as sent, verification codes in their outbox payloads among them
            s.execute("TRUNCATE TABLE mysql.general_log");
        }
        List<Captured> captured = new ArrayList<>();
        for (List<String> submit : transactions) {
            String text = String.join("\n", submit);
            Matcher id = APPLICATION_ID.matcher(text);
            Matcher subject = SUBJECT.matcher(text);
            if (id.find() && subject.find()) {
                String applicationId = id.group(1);
                captured.add(new Captured(applicationId, Integer.parseInt(subject.group(1)), submit,
                        transactionOf(transactions, applicationId, "UPDATE sms_verification"),
                        transactionOf(transactions, applicationId, "filing_number_sequence")));
            }
        }
        if (captured.isEmpty()) {
            throw new IllegalStateException("no submission's transaction found in the general log");
        }
        return captured;
    }

    private static List<String> transactionOf(List<List<String>> transactions, String applicationId, String marker) {
        for (List<String> transaction : transactions) {
            String text = String.join("\n", transaction);
            if (text.contains(applicationId) && text.contains(marker)) {
                return transaction;
            }
        }
        return List.of();
    }

    /** Fresh subjects, one per application to be replayed: {@code count} keys from the returned one on. */
    static int freshSubjects(int count) {
        return NEXT_KEY.getAndAdd(count);
    }

    /** Replays captured submission {@code i % captured.size()} on a fresh subject, as one transaction. */
    static Runnable submitting(DataSource raw, List<Captured> captured, int i) {
        Captured template = captured.get(i % captured.size());
        return () -> replay(raw, fresh(template, template.submit(), NEXT_KEY.getAndIncrement(), null));
    }

    /**
     * Replays captured application {@code i % captured.size()}'s submission and confirmation on subject
     * {@code firstKey + i} (its approval then finds it in review); with {@code approval}, its approval instead.
     */
    static Runnable reviewing(DataSource raw, List<Captured> withApproval, int firstKey, int i, boolean approval) {
        Captured template = withApproval.get(i % withApproval.size());
        int key = firstKey + i;
        String id = UUID.nameUUIDFromBytes(("floor-" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        if (approval) {
            return () -> replay(raw, fresh(template, template.approve(), key, id));
        }
        return () -> {
            replay(raw, fresh(template, template.submit(), key, id));
            replay(raw, fresh(template, template.confirm(), key, id));
        };
    }

    /**
     * As {@link #reviewing} for the approval, but with the province's serial taken in a transaction of its own just
     * before the approval's: what the statements would allow if a rolled-back approval could leave a gap in the
     * serials (the system's cannot: its serial stays locked until the approval commits).
     */
    static Runnable approvingSerialApart(DataSource raw, List<Captured> withApproval, int firstKey, int i) {
        Captured template = withApproval.get(i % withApproval.size());
        int key = firstKey + i;
        String id = UUID.nameUUIDFromBytes(("floor-" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        return () -> {
            List<String> roundTrips = new ArrayList<>(fresh(template, template.approve(), key, id));
            List<String> serial = roundTrips.stream()
                    .filter(roundTrip -> roundTrip.startsWith("INSERT INTO filing_number_sequence")).toList();
            if (serial.size() != 1 || serial.get(0).contains(";")) {
                throw new IllegalStateException("the approval's serial is not a round trip of its own");
            }
            roundTrips.removeAll(serial);
            replay(raw, serial, roundTrips);
        };
    }

    /**
     * {@code group} submissions replayed as a system that groups its submissions' writes would send them: each one's
     * questions on their own (in autocommit), then all their writes in one transaction and one round trip.
     */
    static Runnable submittingGrouped(DataSource raw, List<Captured> captured, int i, int group) {
        return () -> {
            List<String> questions = new ArrayList<>();
            StringBuilder writes = new StringBuilder();
            for (int k = 0; k < group; k++) {
                Captured template = captured.get((i * group + k) % captured.size());
                List<String> roundTrips = fresh(template, template.submit(), NEXT_KEY.getAndIncrement(), null);
                questions.addAll(roundTrips.subList(0, roundTrips.size() - 1));
                String last = roundTrips.get(roundTrips.size() - 1);
                int commit = last.lastIndexOf("\nCOMMIT;");
                if (commit < 0) {
                    throw new IllegalStateException("a submission's writes did not end with its commit");
                }
                writes.append(last, 0, commit + 1);
            }
            replay(raw, questions, List.of(writes.append("COMMIT;\nSET autocommit = 1").toString()));
        };
    }

    private static void replay(DataSource raw, List<String> roundTrips) {
        replay(raw, List.of(), roundTrips);
    }

    /**
     * Round trips {@code apart} in autocommit, then one transaction begun as the transaction manager begins it, with
     * the round trips as the system sent them.
     */
    private static void replay(DataSource raw, List<String> apart, List<String> roundTrips) {
        try (Connection c = raw.getConnection()) {
            try (Statement s = c.createStatement()) {
                for (String roundTrip : apart) {
                    drain(s, s.execute(roundTrip));
                }
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String roundTrip : roundTrips) {
                    drain(s, s.execute(roundTrip));
                }
            }
            // the system's last round trip commits; if it did not, the transaction manager's commit follows
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The round trips with what makes their rows unique made fresh: the id given, or a random one if null. */
    private static List<String> fresh(Captured template, List<String> roundTrips, int key, String applicationId) {
        int was = template.subject();
        String id = applicationId == null ? UUID.randomUUID().toString() : applicationId;
        Matcher number = FILING_NUMBER.matcher(String.join("\n", roundTrips));
        String wasNumber = number.find() ? number.group() : null;
        String freshNumber = wasNumber == null ? null
                : wasNumber.substring(0, 9) + String.format("%06d", NEXT_SERIAL.getAndIncrement()) + "号";
        List<String> fresh = new ArrayList<>();
        for (String roundTrip : roundTrips) {
            String text = roundTrip.replace(template.applicationId(), id)
                    .replace(String.format("%09d", was), String.format("%09d", key))
                    .replace(BenchFilings.phone(was), BenchFilings.phone(key))
                    .replace(BenchFilings.principalId(was), BenchFilings.principalId(key))
                    .replace("bench-" + was + "-", "bench-" + key + "-")
                    .replace("测试" + was + "号", "测试" + key + "号");
            if (wasNumber != null) {
                text = text.replace(wasNumber, freshNumber);
            }
            fresh.add(undelivered(text));
        }
        return fresh;
    }

    /** The outbox entries of a replay stay out of the relay's way: a state it does not deliver. */
    private static String undelivered(String text) {
        int at = text.indexOf("INSERT INTO outbox_entry");
        if (at < 0) {
            return text;
        }
        int end = text.indexOf("INSERT INTO ", at + 1);
        int commit = text.indexOf("COMMIT", at);
        end = end < 0 ? commit : commit < 0 ? end : Math.min(end, commit);
        end = end < 0 ? text.length() : end;
        return text.substring(0, at) + text.substring(at, end).replace("'PENDING'", "'REPLAYED'")
                + undelivered(text.substring(end));
    }

    private static void drain(Statement s, boolean isResultSet) throws SQLException {
        boolean results = isResultSet;
        while (true) {
            if (results) {
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            } else if (s.getUpdateCount() == -1) {
                return;
            }
            results = s.getMoreResults();
        }
    }
}
