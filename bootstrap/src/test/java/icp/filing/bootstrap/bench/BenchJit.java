package icp.filing.bootstrap.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How busy the JIT compiler was over a stretch of the run. On two cores the JVM has one C2 thread, and the system's
 * request paths are large: measured, it compiles for about a full core during the first three to four minutes of
 * writes, which leaves the system half the machine the raw ceiling (a few driver classes, compiled at once) gets.
 * The write figures are therefore timed once the compiler has settled, and each figure says what it cost meanwhile.
 */
final class BenchJit {
    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

    private final long startNanos = System.nanoTime();
    private final long startCompileMillis = compileMillis();

    /** Compiler time from here on, as a share of one core. */
    static BenchJit from() {
        return new BenchJit();
    }

    /** Share of one core the JIT compiler used since {@link #from()}: 0.0 to about the number of compiler threads. */
    double coreShare() {
        double wallMillis = (System.nanoTime() - startNanos) / 1e6;
        return wallMillis <= 0 ? 0 : (compileMillis() - startCompileMillis) / wallMillis;
    }

    private static long compileMillis() {
        return COMPILER != null && COMPILER.isCompilationTimeMonitoringSupported()
                ? COMPILER.getTotalCompilationTime() : 0;
    }
}
