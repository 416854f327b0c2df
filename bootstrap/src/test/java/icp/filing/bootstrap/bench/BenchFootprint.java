package icp.filing.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** Memory and disk after the run: the peaks of this JVM and of the database server, the data on disk. */
final class BenchFootprint {
    private BenchFootprint() {
    }

    static void print(DataSource raw, Path dataDir) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("memory: JVM peak resident %d MB (heap in use after GC %d MB, max %d MB); "
                        + "MariaDB peak resident %d MB%n", peakResidentMb("self"),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20,
                peakResidentMb(databasePid(dataDir)));
        try (Connection c = raw.getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                SELECT SUM(data_length), SUM(index_length), SUM(IF(table_name LIKE 'national%', data_length
                    + index_length, 0)) FROM information_schema.tables WHERE table_schema = DATABASE()""")) {
            rs.next();
            System.out.printf("disk: data directory %d MB; tables %d MB data + %d MB indexes, of which the national "
                    + "register %d MB%n", size(dataDir) >> 20, rs.getLong(1) >> 20, rs.getLong(2) >> 20,
                    rs.getLong(3) >> 20);
        }
    }

    static String databasePid(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("mariadbd.pid")).strip();
        } catch (IOException e) {
            return "0";
        }
    }

    /**
     * CPU time a process has used (user and system, from /proc; 0 where it is not there), in nanoseconds; for this
     * JVM from its own bean.
     */
    static long cpuNanos(String pid) {
        if (pid.equals("self") && java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        try {
            // after the command name in parentheses: fields 14 and 15 (utime, stime) in clock ticks of 1/100 s
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** VmHWM of a process, in MB (0 where /proc is not there). */
    private static long peakResidentMb(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
