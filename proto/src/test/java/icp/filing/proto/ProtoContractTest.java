package icp.filing.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contracts as buf judges them (src/main/protobuf/buf.yaml): {@code buf lint} by the STANDARD rules, and
 * {@code buf breaking} against the previous commit, so no field is renumbered, removed or retyped unnoticed. buf comes
 * from npm ({@code @bufbuild/buf}; .ci/run installs it): on a machine without it these checks say they were skipped,
 * and with {@code CI=true} a missing buf fails.
 */
class ProtoContractTest {
    private static final Path PROTOS = Path.of("src/main/protobuf");

    @Test
    void theContractsPassBufLint() throws Exception {
        assertEquals("", run(List.of(buf(), "lint", PROTOS.toString())));
    }

    @Test
    void nothingBreaksTheContractsOfThePreviousCommit() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String buf = buf();
        Process previous = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--verify", "-q", "HEAD~1")
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(previous.waitFor() == 0, "no previous commit to compare with (a shallow clone)");
        assertEquals("", run(List.of(buf, "breaking", PROTOS.toString(), "--against",
                root.resolve(".git") + "#ref=HEAD~1,subdir=proto/src/main/protobuf")));
    }

    /** buf from ICP_BUF or the PATH; skipped where there is none, a failure under CI=true. */
    private static String buf() {
        Optional<String> found = Optional.ofNullable(System.getenv("ICP_BUF")).filter(s -> !s.isBlank())
                .or(() -> List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                        .map(dir -> Path.of(dir, "buf")).filter(Files::isExecutable).map(Path::toString).findFirst());
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("buf is not installed (npm install @bufbuild/buf): CI runs the contract checks");
        }
        Assumptions.assumeTrue(found.isPresent(), "buf not installed: buf lint and buf breaking SKIPPED");
        return found.get();
    }

    /** What the command printed (its findings), after it ended; its exit status is in the findings' absence. */
    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return process.exitValue() == 0 ? output.strip() : output.strip() + "\n(exit " + process.exitValue() + ")";
    }
}
