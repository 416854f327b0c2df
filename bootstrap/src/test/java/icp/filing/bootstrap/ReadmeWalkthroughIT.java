package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, run as a new user runs it: the system started with the quick start's own command from
 * the packaged jar, then every command of the walk-through's shell blocks, in order, in bash at the project root.
 * Only what a person does by hand is done here: the SMS code is read from the system's log for the phone the command
 * names, the ports are free ones instead of 8080 and 50051, and once the first approval has issued the subject
 * number, the README's example number (and the example files that name it) read as the number issued. Every command
 * must succeed (curl with {@code --fail-with-body}), and the README's own comments on a command ({@code # []},
 * {@code # 示例科技新官网}, {@code # -2A FILING_STATE_CANCELLED}) are what its answer must show. Runs in the
 * integration-test phase, after the jar is built.
 */
class ReadmeWalkthroughIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_]+)=\\$\\((.*)\\)$");
    private static final Pattern PHONE = Pattern.compile("\"phone\":\"(\\d{11})\"");
    private static final Pattern SUBJECT_NUMBER = Pattern.compile("[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝蜀黔滇藏陕陇青宁新]"
            + "ICP备\\d{10}号");
    private static final String README_NUMBER = "京ICP备2026000001号";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private Process system;
    private Path work;

    @AfterEach
    void stop() throws Exception {
        if (system != null) {
            List<ProcessHandle> processes = new ArrayList<>(system.descendants().toList());
            processes.forEach(ProcessHandle::destroy);
            system.destroy();
            system.waitFor(60, TimeUnit.SECONDS);
            for (ProcessHandle process : processes) {
                try {
                    process.onExit().get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    process.destroyForcibly();
                }
            }
        }
        if (work != null) {
            // the embedded server stops with the system (it is the system's child); its data goes with the folder
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void theWalkThroughRunsAsWritten() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        work = Files.createTempDirectory("icp-walkthrough");
        int http = freePort();
        int grpc = freePort();
        Path log = work.resolve("system.log");
        start(quickStartCommand(readme), http, grpc, log);

        Map<String, String> variables = new HashMap<>();
        variables.put("ICP_GRPC_TARGET", "localhost:" + grpc);
        Map<String, Integer> codesUsed = new HashMap<>();
        String number = null;
        List<String> commands = walkThroughCommands(readme);
        assertTrue(commands.size() >= 20, "the walk-through's commands: " + commands);
        Path examples = copyOfExamples(README_NUMBER);
        for (String written : commands) {
            String command = written.replace("localhost:8080", "localhost:" + http)
                    .replace("docs/examples/", examples + "/");
            if (number != null) {
                command = command.replace(README_NUMBER, number);
            }
            Matcher phone = PHONE.matcher(command);
            while (command.contains("<code from the log>")) {
                assertTrue(phone.find(), "a confirmation names its phone: " + written);
                command = command.replaceFirst("<code from the log>", nextCode(log, phone.group(1), codesUsed));
            }
            command = command.replaceAll("(^|[|(] *)curl ", "$1curl -sS --fail-with-body ");
            Matcher assignment = ASSIGNMENT.matcher(command.replaceAll("\\s+#.*$", "").strip());
            if (assignment.matches()) {
                String value = run("printf %s \"$(" + assignment.group(2) + ")\"", variables, written).strip();
                assertTrue(!value.isEmpty(), "no value for " + written);
                variables.put(assignment.group(1), value);
                continue;
            }
            String answer = run(command, variables, written);
            // the public query answers from the national register, which the outbox feeds a moment after a
            // decision: a person reads it seconds later, so it is asked again for a few seconds before it counts
            for (Instant until = Instant.now().plusSeconds(10); command.contains("/public/filings")
                    && !commentHolds(written, answer) && Instant.now().isBefore(until); ) {
                Thread.sleep(250);
                answer = run(command, variables, written);
            }
            checkComment(written, answer);
            if (written.contains("provider submit docs/examples/new-filing.json")) {
                assertTrue(answer.contains("APPLICATION_STATE_AWAITING_SMS_CONFIRMATION"), answer);
                String again = run(command, variables, written + " (run again)");
                assertEquals(id(answer), id(again), "running it again returns the same application");
            }
            if (written.contains("sms-verifications/confirm")) {
                assertTrue(answer.contains("\"confirmed\":true"), answer);
            }
            if (written.endsWith("/approve") && number == null) {
                Matcher issued = SUBJECT_NUMBER.matcher(answer);
                assertTrue(issued.find(), "the approval answers with the numbers: " + answer);
                number = issued.group();
                if (!number.equals(README_NUMBER)) {
                    examples = copyOfExamples(number); // another year than the README's: its number, not 2026's
                }
            }
        }
        assertTrue(number != null, "the walk-through approved a filing");
    }

    /** The quick start's command that runs the system: what follows the package step's {@code &&}. */
    private static String quickStartCommand(String readme) {
        Matcher run = Pattern.compile("\n\\./mvnw -q -DskipTests package && (.+)\n").matcher(readme);
        assertTrue(run.find(), "the README's quick start gives the command that runs the system");
        return run.group(1);
    }

    /** The shell commands of the walk-through's blocks, in order; a line continued with a backslash is one command. */
    static List<String> walkThroughCommands(String readme) {
        int from = readme.indexOf("\n## Walk-through");
        int to = readme.indexOf("\n## ", from + 1);
        assertTrue(from >= 0 && to > from, "the README has a walk-through section");
        List<String> commands = new ArrayList<>();
        Matcher block = BLOCK.matcher(readme.substring(from, to));
        while (block.find()) {
            StringBuilder current = new StringBuilder();
            for (String line : block.group(1).split("\n")) {
                if (line.strip().startsWith("#") && current.isEmpty()) {
                    continue; // a remark to the reader
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                current.append(line.strip());
                if (!current.toString().isBlank()) {
                    commands.add(current.toString().strip());
                }
                current.setLength(0);
            }
        }
        return commands;
    }

    private void start(String quickStart, int http, int grpc, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", quickStart).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(http));
        builder.environment().put("GRPC_SERVER_PORT", Integer.toString(grpc));
        builder.environment().put("ICP_EMBEDDED_DB_DATA_DIR", work.resolve("mariadb").toString());
        system = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(until)) {
            if (!system.isAlive()) {
                fail("the system stopped: " + Files.readString(log));
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + http + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("not up within 3 minutes: " + Files.readString(log));
    }

    private String run(String command, Map<String, String> variables, String written) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(variables);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + written);
        }
        String answer = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "failed: " + written + "\n" + command + "\n" + answer);
        return answer;
    }

    /** The README's remark after a command says what its answer shows: {@code []}, a name, a state. */
    private static void checkComment(String written, String answer) {
        int hash = written.lastIndexOf(" # ");
        if (hash < 0 || written.startsWith("#")) {
            return;
        }
        for (String word : written.substring(hash + 3).split("[\\s,]+")) {
            if (word.equals("[]")) {
                assertEquals("[]", answer.strip(), written);
            } else if (word.matches("[A-Z_]{5,}") || word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN)) {
                assertTrue(answer.contains(word), "'" + word + "' in the answer of " + written + ":\n" + answer);
            } else if (word.matches("\"\\w+\":")) {
                assertTrue(answer.contains(word.substring(0, word.length() - 1)), written + ":\n" + answer);
            }
        }
    }

    private static boolean commentHolds(String written, String answer) {
        try {
            checkComment(written, answer);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** The next verification code the log shows for this phone, waiting for it to be sent. */
    private static String nextCode(Path log, String phone, Map<String, Integer> used) throws Exception {
        Pattern line = Pattern.compile("SMS to " + Pattern.quote(phone.substring(0, 3) + "****" + phone.substring(7))
                + ": .*?核验码为 (\\d{6})");
        int wanted = used.getOrDefault(phone, 0);
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            List<String> codes = new ArrayList<>();
            Matcher m = line.matcher(Files.readString(log));
            while (m.find()) {
                codes.add(m.group(1));
            }
            if (codes.size() > wanted) {
                used.put(phone, codes.size());
                return codes.get(codes.size() - 1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no new SMS code for " + phone + " in the log");
    }

    /** The example files (and their materials) as the README's commands read them, naming {@code number}. */
    private Path copyOfExamples(String number) throws IOException {
        Path source = ROOT.resolve("docs/examples");
        Path target = work.resolve("examples-" + Math.abs(number.hashCode()));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (file.toString().endsWith(".json")) {
                    Files.writeString(copy, Files.readString(file).replace(README_NUMBER, number));
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    private static String id(String answer) {
        Matcher id = Pattern.compile("\"id\": \"([0-9a-f-]{36})\"").matcher(answer);
        assertTrue(id.find(), answer);
        return id.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
